package io.pitaj.models.train;

import java.util.Map;

/**
 * A training call's loss curve as {@link LossHistory} records it and model.json stores it: the step that ended each
 * block, the block means of the weighted total, and of each unweighted term (NaN where a term was absent).
 */
public record LossCurve(int blockSteps, long[] steps, double[] total, Map<String, double[]> terms) {
    public LossCurve {
        for (Map.Entry<String, double[]> e : terms.entrySet()) {
            if (e.getValue().length != steps.length) throw new IllegalArgumentException("term " + e.getKey() + " has " + e.getValue().length + " points, not " + steps.length);
        }
        if (total.length != steps.length) throw new IllegalArgumentException("the total has " + total.length + " points, not " + steps.length);
        // insertion order, not Map.copyOf's per-JVM order: model.json's bytes must not depend on the run
        terms = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(terms));
    }
}
