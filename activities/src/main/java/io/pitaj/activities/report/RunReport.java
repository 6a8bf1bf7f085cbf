package io.pitaj.activities.report;

import io.pitaj.activities.provenance.ArtifactRef;
import java.util.List;
import java.util.Map;

/**
 * What a run report says, independent of how it is rendered ({@link ReportWriter}): the metric table per rung, the
 * plots, the budget and time of each stage, and where every artifact came from.
 *
 * @param title    first heading (the run or the sample set)
 * @param summary  one paragraph under it (system, temperatures, method)
 * @param rungs    rows of the metric table, hot to cold
 * @param plots    image files relative to the report's directory, with captions
 * @param stages   budget and wall time per stage
 * @param provenance every input and output named with its digest, per stage
 */
public record RunReport(String title, String summary, List<Rung> rungs, List<Plot> plots, List<Stage> stages, List<Provenance> provenance) {
    public RunReport {
        rungs = List.copyOf(rungs);
        plots = List.copyOf(plots);
        stages = List.copyOf(stages);
        provenance = List.copyOf(provenance);
    }

    /**
     * One row of the metric table.
     *
     * @param energyEvaluations target evaluations spent on the rung's samples, negative when unknown
     * @param metrics           {@code pita eval}'s keys and values (Double or double[]); absent keys are shown as —
     */
    public record Rung(String label, double temperature, int samples, double ess, long energyEvaluations, Map<String, Object> metrics) {
        public Rung {
            metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        }
    }

    /** @param file a PNG in the report's directory, by relative path */
    public record Plot(String file, String caption) {}

    /** @param seconds wall time; {@code energyEvaluations} and {@code modelEvaluations} negative when not counted */
    public record Stage(String name, double seconds, long energyEvaluations, long modelEvaluations) {}

    /** @param role input or output */
    public record Provenance(String stage, String role, ArtifactRef artifact) {}
}
