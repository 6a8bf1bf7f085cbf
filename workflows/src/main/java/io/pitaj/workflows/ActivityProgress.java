package io.pitaj.workflows;

import io.pitaj.activities.pipeline.StageProgress;
import java.time.Duration;
import java.time.Instant;

/**
 * One pending activity of a run as the server describes it: its stage, whether a worker has started it, and the
 * progress its last heartbeat carried (null if it never sent one: merges, evaluations and the report do not).
 *
 * @param etaSeconds the heartbeat's ETA less the time since the server received it, or null if it carried none
 */
public record ActivityProgress(String stage, boolean started, StageProgress last, Double etaSeconds) {
    /**
     * {@code last} as of {@code now}: the SDK sends heartbeats at most every 0.8 × the heartbeat timeout (48 s here), so
     * the ETA is aged by the time since {@code heartbeat}, never below 0.
     */
    public static ActivityProgress of(String stage, boolean started, StageProgress last, Instant heartbeat, Instant now) {
        if (last == null || last.etaSeconds() == null) return new ActivityProgress(stage, started, last, null);
        double age = Math.max(0, Duration.between(heartbeat, now).toMillis() * 1e-3);
        return new ActivityProgress(stage, started, last, Math.max(0, last.etaSeconds() - age));
    }
}
