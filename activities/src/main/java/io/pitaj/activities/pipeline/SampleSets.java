package io.pitaj.activities.pipeline;

import io.pitaj.activities.store.SampleSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sample-set arithmetic the pipeline needs between stages. */
final class SampleSets {
    private static final List<String> COUNTS = List.of("target_energy_evaluations", "target_force_evaluations", "model_evaluations");

    private SampleSets() {}

    /**
     * The rows of several sets of one system and temperature as one set, log-weights as given (the caller decides
     * what they mean); the evaluation counts are summed, the other attributes are the first set's.
     */
    static SampleSet concatenate(List<SampleSet> sets, String producer) {
        SampleSet first = sets.get(0);
        int rows = 0;
        for (SampleSet s : sets) {
            if (!s.system().equals(first.system()) || s.dim() != first.dim() || s.temperature() != first.temperature()) {
                throw new IllegalArgumentException("cannot concatenate sets of different systems, dimensions or temperatures");
            }
            rows += s.count();
        }
        int d = first.dim();
        double[] x = new double[rows * d], lw = new double[rows], e = new double[rows];
        double[] f = first.hasForce() ? new double[rows * d] : null;
        int at = 0;
        Map<String, String> attributes = new LinkedHashMap<>(first.attributes());
        for (String k : COUNTS) attributes.remove(k);
        for (SampleSet s : sets) {
            System.arraycopy(s.x(), 0, x, at * d, s.count() * d);
            System.arraycopy(s.logWeight(), 0, lw, at, s.count());
            System.arraycopy(s.energy(), 0, e, at, s.count());
            if (f != null) System.arraycopy(s.force(), 0, f, at * d, s.count() * d);
            at += s.count();
            for (String k : COUNTS) {
                if (s.attributes().containsKey(k)) attributes.merge(k, s.attributes().get(k), (p, q) -> Long.toString(Long.parseLong(p) + Long.parseLong(q)));
            }
        }
        return new SampleSet(first.system(), first.temperature(), first.units(), first.atoms(), producer, first.seed(), d, x, lw, e, f)
                .withAttributes(attributes);
    }

    /** The set with other log-weights (same rows). */
    static SampleSet withLogWeights(SampleSet s, double[] logWeights, String producer, Map<String, String> extra) {
        Map<String, String> a = new LinkedHashMap<>(s.attributes());
        a.putAll(extra);
        return new SampleSet(s.system(), s.temperature(), s.units(), s.atoms(), producer, s.seed(), s.dim(), s.x(), logWeights, s.energy(),
                s.hasForce() ? s.force() : null).withAttributes(a);
    }
}
