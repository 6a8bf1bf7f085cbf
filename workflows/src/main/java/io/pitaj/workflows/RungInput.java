package io.pitaj.workflows;

import io.pitaj.activities.pipeline.RunRequest;
import io.pitaj.activities.provenance.ArtifactRef;
import java.time.Duration;
import java.util.List;

/**
 * One rung's work: train rung {@code rung}'s model on {@code buffers} (continuing from {@code checkpoint}), anneal it
 * to the next temperature, merge, relax and evaluate the new rung (against {@code reference} at the target), its long
 * stages presumed lost after {@code heartbeatTimeout} of silence (null: the default).
 */
public record RungInput(RunRequest run, int rung, List<ArtifactRef> buffers, ArtifactRef checkpoint, ArtifactRef reference, Duration heartbeatTimeout) {}
