package io.pitaj.activities.pipeline;

import io.pitaj.activities.provenance.ArtifactRef;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** Training a rung's score/energy pair. Long-running and GPU-heavy: heartbeats its step and newest checkpoint. */
@ActivityInterface
public interface TrainingActivities {
    /**
     * Trains rung {@code rung}'s model on {@code buffers} (hot → this rung; only the last unless the spec trains on
     * all rungs), continuing from {@code previous} (the rung above's final checkpoint; null for rung 0). A retried
     * attempt resumes from the checkpoint its last heartbeat named.
     */
    @ActivityMethod
    StageResult train(RunRequest run, int rung, List<ArtifactRef> buffers, ArtifactRef previous);
}
