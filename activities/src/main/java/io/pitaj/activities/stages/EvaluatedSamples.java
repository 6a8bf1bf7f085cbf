package io.pitaj.activities.stages;

import io.pitaj.activities.store.SampleSet;
import io.pitaj.models.sampling.EvaluationCounts;
import io.pitaj.models.targets.EnergyUnit;
import io.pitaj.models.targets.Target;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stage's samples as a sample set: physical coordinates with the target's energies and forces at the sampling
 * temperature, the layout's metadata, and attributes saying how they were made and what they cost. Shared by the
 * CLI commands and the pipeline's activities, so both write the same sets.
 */
public final class EvaluatedSamples {
    private EvaluatedSamples() {}

    /** Evaluation counts as attributes: {@code target_energy_evaluations}, {@code target_force_evaluations}, {@code model_evaluations}. */
    public static Map<String, String> counts(EvaluationCounts c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("target_energy_evaluations", Long.toString(c.targetEnergies()));
        m.put("target_force_evaluations", Long.toString(c.targetForces()));
        m.put("model_evaluations", Long.toString(c.modelEvaluations()));
        return m;
    }

    /**
     * Evaluates energies and forces of {@code logWeight.length} physical configurations (counted by the target, not
     * in the sampler's budget: they describe the output, they do not make it) and builds the set. Configurations
     * whose energy, force or log-weight is not finite (exploded samples) cannot be stored; they are left out, and
     * their number is recorded as the attribute {@code dropped_non_finite}.
     */
    public static SampleSet of(Target target, double temperature, String producer, long seed, double[] xPhysical, double[] logWeight,
                               Map<String, String> attributes) {
        int count = logWeight.length, d = target.dimension();
        double[] x = xPhysical.clone(), lw = logWeight.clone(), energy = new double[count], force = new double[count * d];
        target.energies(x, count, energy, force);
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (!finiteRow(energy[i], force, i * d, d) || !Double.isFinite(lw[i])) continue;
            energy[kept] = energy[i];
            lw[kept] = lw[i];
            System.arraycopy(x, i * d, x, kept * d, d);
            for (int j = 0; j < d; j++) force[kept * d + j] = -force[i * d + j];
            kept++;
        }
        Map<String, String> all = new LinkedHashMap<>(attributes);
        all.put("dropped_non_finite", Integer.toString(count - kept));
        String units = target.unit() == EnergyUnit.REDUCED ? "reduced" : "nm,kJ/mol";
        return new SampleSet(target.name(), temperature, units, target.elementSymbols(), producer, seed, d, Arrays.copyOf(x, kept * d),
                Arrays.copyOf(lw, kept), Arrays.copyOf(energy, kept), Arrays.copyOf(force, kept * d)).withAttributes(all);
    }

    /**
     * The target evaluations (energies and forces) a set's attributes record as spent making it, or −1 if they
     * record none (a set from elsewhere).
     */
    public static long targetEvaluations(SampleSet s) {
        String e = s.attributes().get("target_energy_evaluations"), f = s.attributes().get("target_force_evaluations");
        if (e == null && f == null) return -1;
        return (e == null ? 0 : Long.parseLong(e)) + (f == null ? 0 : Long.parseLong(f));
    }

    /** The {@code dropped_non_finite} count of a set made here. */
    public static int dropped(SampleSet s) { return Integer.parseInt(s.attributes().getOrDefault("dropped_non_finite", "0")); }

    private static boolean finiteRow(double energy, double[] grad, int from, int d) {
        if (!Double.isFinite(energy)) return false;
        for (int j = from; j < from + d; j++) if (!Double.isFinite(grad[j])) return false;
        return true;
    }
}
