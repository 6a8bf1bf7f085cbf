package io.pitaj.activities.pipeline;

import io.pitaj.activities.provenance.ArtifactRef;
import java.util.List;
import java.util.Map;

/**
 * What a stage returns to its workflow: references to its outputs in the store (never the payloads), its provenance
 * record, what it spent and its headline numbers. Small: far below Temporal's 2 MB payload limit.
 *
 * @param cached true when the stage found its outputs from an earlier attempt or run and did not recompute them
 */
public record StageResult(String stage, List<ArtifactRef> outputs, ArtifactRef provenance, long energyEvaluations, long modelEvaluations,
                          double seconds, Map<String, Double> metrics, boolean cached) {
    /** The output whose key ends with {@code name}. */
    public ArtifactRef output(String name) {
        return outputs.stream().filter(r -> r.uri().endsWith("/" + name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("stage " + stage + " has no output " + name));
    }
}
