package io.pitaj.models.train;

import io.pitaj.models.nets.BackboneConfig;
import io.pitaj.models.nets.DitConfig;
import io.pitaj.models.nets.EgnnConfig;
import io.pitaj.models.nets.ModelPair;
import io.pitaj.models.nets.NoiseSchedule;
import io.pitaj.models.nn.Parameter;
import io.pitaj.models.targets.ParticleLayout;
import java.util.SplittableRandom;

/** Small PITA set-ups for training tests: tiny backbones, synthetic buffers with consistent forces. */
final class TinyPita {
    private TinyPita() {}

    /** A DiT of 4 atoms with dropout 0.1 (the peptide path: target-score term, per-atom force clip). */
    static final DitConfig DIT = new DitConfig(4, 3, 8, 1, 2, 4, 2, 8, false, 0.1);
    /** A β-conditioned EGNN of 4 particles (the LJ path). */
    static final EgnnConfig EGNN = new EgnnConfig(4, 3, 8, 1, 15, true);

    static TrainingConfig config(BackboneConfig arch, LossWeights weights, long steps, int checkpointEvery, boolean allRungs) {
        return TrainingConfig.reference(arch, NoiseSchedule.edm(0.05), weights, 8, steps, 11, allRungs, checkpointEvery);
    }

    /**
     * {@code count} mean-free configurations of a harmonic well: log π = −½|x|²·β... with force −β·x, so the
     * stored force is the true ∇log π and a rotation must carry it along.
     */
    static TrainingSamples harmonic(ParticleLayout layout, int count, double beta, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int d = layout.dimension();
        double[] x = new double[count * d], logp = new double[count], f = new double[count * d];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < d; k++) x[i * d + k] = rng.nextGaussian() / Math.sqrt(beta);
            PitaBatches.centre(layout, x, i * d);
            double sq = 0;
            for (int k = 0; k < d; k++) {
                sq += x[i * d + k] * x[i * d + k];
                f[i * d + k] = -beta * x[i * d + k];
            }
            logp[i] = -0.5 * beta * sq;
        }
        return new TrainingSamples(layout, true, beta, x, logp, f);
    }

    /** Every parameter of both networks shifted by independent noise, so no output is identically zero. */
    static void perturb(ModelPair models, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (var set : java.util.List.of(models.score(), models.energy())) {
            for (Parameter p : set.parameters()) {
                double[] v = p.values();
                for (int i = 0; i < v.length; i++) v[i] += 0.2 * rng.nextGaussian();
            }
        }
    }
}
