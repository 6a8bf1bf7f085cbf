package io.pitaj.worker.running;

import io.pitaj.activities.store.SampleSet;
import io.pitaj.activities.store.SampleSetCodec;
import io.pitaj.models.sampling.EvaluationCounts;
import io.pitaj.models.targets.EnergyUnit;
import io.pitaj.models.targets.Target;
import io.pitaj.worker.UserInputException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the sampling commands write their Arrow sample sets: physical coordinates with the target's energies and
 * forces at the sampling temperature, the layout's metadata, and attributes saying how the samples were made and
 * what they cost. The output path is checked before any work starts and never overwritten.
 */
final class SampleOutput {
    private SampleOutput() {}

    /** A user error if {@code out} exists or its directory does not. */
    static void checkWritable(Path out) {
        if (Files.exists(out)) throw new UserInputException(out + " already exists; choose another --out");
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) throw new UserInputException("directory " + dir + " does not exist");
    }

    /** Evaluation counts as attributes: {@code target_energy_evaluations}, {@code target_force_evaluations}, {@code model_evaluations}. */
    static Map<String, String> counts(EvaluationCounts c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("target_energy_evaluations", Long.toString(c.targetEnergies()));
        m.put("target_force_evaluations", Long.toString(c.targetForces()));
        m.put("model_evaluations", Long.toString(c.modelEvaluations()));
        return m;
    }

    /**
     * Evaluates energies and forces of {@code count} physical configurations (counted by the target, not in the
     * sampler's budget: they describe the output, they do not make it) and writes the set. Configurations whose
     * energy or force is not finite (exploded samples) cannot be stored; they are left out, and their number is
     * returned and recorded as the attribute {@code dropped_non_finite}.
     */
    static int write(Target target, double temperature, String producer, long seed, double[] xPhysical, double[] logWeight,
                     Map<String, String> attributes, Path out) {
        int count = logWeight.length, d = target.dimension();
        double[] energy = new double[count], force = new double[count * d];
        target.energies(xPhysical, count, energy, force);
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (!finiteRow(energy[i], force, i * d, d) || !Double.isFinite(logWeight[i])) continue;
            energy[kept] = energy[i];
            logWeight[kept] = logWeight[i];
            System.arraycopy(xPhysical, i * d, xPhysical, kept * d, d);
            for (int j = 0; j < d; j++) force[kept * d + j] = -force[i * d + j];
            kept++;
        }
        Map<String, String> all = new LinkedHashMap<>(attributes);
        all.put("dropped_non_finite", Integer.toString(count - kept));
        String units = target.unit() == EnergyUnit.REDUCED ? "reduced" : "nm,kJ/mol";
        SampleSet set = new SampleSet(target.name(), temperature, units, target.elementSymbols(), producer, seed, d,
                java.util.Arrays.copyOf(xPhysical, kept * d), java.util.Arrays.copyOf(logWeight, kept),
                java.util.Arrays.copyOf(energy, kept), java.util.Arrays.copyOf(force, kept * d)).withAttributes(all);
        try {
            SampleSetCodec.write(set, out);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("cannot write " + out + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UserInputException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return count - kept;
    }

    private static boolean finiteRow(double energy, double[] grad, int from, int d) {
        if (!Double.isFinite(energy)) return false;
        for (int j = from; j < from + d; j++) if (!Double.isFinite(grad[j])) return false;
        return true;
    }
}
