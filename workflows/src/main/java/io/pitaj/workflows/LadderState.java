package io.pitaj.workflows;

import io.pitaj.activities.pipeline.RunRequest;
import io.pitaj.activities.pipeline.StageResult;
import io.pitaj.activities.provenance.ArtifactRef;
import java.util.List;

/**
 * A ladder run between continue-as-new segments: the request, every stage result so far (references and small
 * summaries only), the next rung to train, and the artifacts it starts from.
 *
 * @param buffers    each rung's final sample set so far, hot first
 * @param checkpoint the previous rung's final training checkpoint, null before rung 0 is trained
 */
public record LadderState(RunRequest run, List<StageResult> stages, int nextRung, ArtifactRef reference, List<ArtifactRef> buffers,
                          ArtifactRef checkpoint, long startedMillis) {
    public static LadderState start(RunRequest run) { return new LadderState(run, List.of(), 0, null, List.of(), null, 0); }

    public long energyEvaluations() { return stages.stream().mapToLong(StageResult::energyEvaluations).sum(); }
}
