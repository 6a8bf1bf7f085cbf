package io.pitaj.worker.running;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pitaj.activities.pipeline.StageProgress;
import io.pitaj.workflows.ActivityProgress;
import io.pitaj.workflows.LiveProgress;
import io.pitaj.workflows.RunProgress;
import io.pitaj.workflows.RungProgress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress line of pita run and pita status in each state a run's stage can be in. */
class ProgressTextTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final RunProgress LADDER = new RunProgress(1, "rung 1", 7, 22, 1_000_000, 0, false);
    private static final RungProgress RUNG = new RungProgress("rung 2: anneal", 2, 2345);

    private static ActivityProgress running(int shard, Double eta) {
        String stage = "rung-2/anneal/shard-" + shard;
        return ActivityProgress.of(stage, true, new StageProgress(stage, 250, 1000, "ESS 380", null, eta), T0, T0);
    }

    private static ActivityProgress waiting(int shard) {
        return ActivityProgress.of("rung-2/anneal/shard-" + shard, false, null, T0, T0);
    }

    @Test
    void aReportingStageShowsItsPercentAndEta() {
        LiveProgress p = new LiveProgress(LADDER, RUNG, List.of(running(0, 95.0), waiting(1)));
        assertEquals("rung 1, stage rung 2: anneal 13% (1 waiting for a worker), 9/22 stages (41%), ETA 1 min 35 s for this stage, "
                + "1,002,345 energy evaluations so far", ProgressText.line(p, "unused"));
        assertEquals("rung-2/anneal/shard-0: 250/1000 (25%) ESS 380, ETA 1 min 35 s", ProgressText.activity(p.activities().get(0)));
        assertEquals("rung-2/anneal/shard-1: waiting for a worker", ProgressText.activity(p.activities().get(1)));
    }

    @Test
    void theEtaSaysWhyItIsUnknown() {
        LiveProgress noPace = new LiveProgress(LADDER, RUNG, List.of(running(0, null)));
        assertEquals("rung 1, stage rung 2: anneal 25%, 9/22 stages (41%), ETA unknown (no pace yet; the first comes with the stage's second "
                + "heartbeat, within a minute), 1,002,345 energy evaluations so far", ProgressText.line(noPace, "unused"));
        LiveProgress silent = new LiveProgress(LADDER, new RungProgress("rung 2: merge", 4, 2345), List.of(ActivityProgress.of("MergeAnnealed", true,
                null, T0, T0)));
        assertEquals("rung 1, stage rung 2: merge, 11/22 stages (50%), ETA unknown (no progress reported yet), 1,002,345 energy evaluations so far",
                ProgressText.line(silent, "unused"));
        assertEquals("rung 1, stage rung 1, 7/22 stages (32%), ETA unknown (between stages), 1,000,000 energy evaluations so far",
                ProgressText.line(new LiveProgress(LADDER, null, List.of()), "between stages"));
    }
}
