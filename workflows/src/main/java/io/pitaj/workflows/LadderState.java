package io.pitaj.workflows;

import io.pitaj.activities.pipeline.RunRequest;
import io.pitaj.activities.pipeline.StageResult;
import io.pitaj.activities.provenance.ArtifactRef;
import java.time.Duration;
import java.util.List;

/**
 * A ladder run between continue-as-new segments: the request, every stage result so far (references and small
 * summaries only), the next rung to train, and the artifacts it starts from.
 *
 * @param buffers          each rung's final sample set so far, hot first
 * @param checkpoint       the previous rung's final training checkpoint, null before rung 0 is trained
 * @param heartbeatTimeout how long a long stage may be silent before it is retried elsewhere (null: the default)
 */
public record LadderState(RunRequest run, List<StageResult> stages, int nextRung, ArtifactRef reference, List<ArtifactRef> buffers,
                          ArtifactRef checkpoint, long startedMillis, Duration heartbeatTimeout) {
    public static LadderState start(RunRequest run, Duration heartbeatTimeout) {
        return new LadderState(run, List.of(), 0, null, List.of(), null, 0, heartbeatTimeout);
    }

    public long energyEvaluations() { return stages.stream().mapToLong(StageResult::energyEvaluations).sum(); }
}
