package io.pitaj.workflows;

import io.pitaj.activities.pipeline.StageResult;
import io.pitaj.activities.provenance.ArtifactRef;
import java.util.List;

/** What a rung produced: its stages in order, the new rung's samples and the trained model's final checkpoint. */
public record RungOutcome(List<StageResult> stages, ArtifactRef samples, ArtifactRef checkpoint) {}
