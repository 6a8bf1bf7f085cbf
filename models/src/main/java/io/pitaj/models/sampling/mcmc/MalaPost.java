package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.targets.Target;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * PITA's MALA_POST relaxation (pita-algorithm.md §1.8.6): MALA steps on log π_T with one step size dt for the whole
 * batch, multiplied by 1.1 after a step whose batch acceptance rate exceeds 0.55 and divided by 1.1 otherwise.
 * Because dt changes every step from the chains' history, this is a relaxation, not a valid sampler; use {@link Mala}
 * for sampling. Configurations with non-finite log π are left untouched (and count as rejected).
 *
 * @param initialStepSize dt at the first step, squared length units; the reference's dt_negative_time is 1e-13,
 *                        with which its five released steps do nothing
 */
public record MalaPost(double initialStepSize) implements Relaxer {
    static final double ACCEPTANCE_THRESHOLD = 0.55;
    static final double STEP_FACTOR = 1.1;

    public MalaPost {
        if (!(initialStepSize > 0) || Double.isInfinite(initialStepSize)) {
            throw new IllegalArgumentException("initial step size must be positive and finite, got " + initialStepSize);
        }
    }

    @Override
    public Relaxation relax(Target target, double temperature, double[] x, int count, int steps, long seed) {
        CountedTarget counted = new CountedTarget(target);
        ChainBatch batch = new ChainBatch(counted, x, count);
        SplittableRandom[] rngs = ChainSeeds.split(seed, count);
        MalaStep step = new MalaStep(count, target.dimension());
        double beta = 1.0 / target.unit().kT(temperature);
        double[] dt = new double[count], acceptance = new double[count];
        double stepSize = initialStepSize;
        long moved = 0;
        for (int s = 0; s < steps; s++) {
            Arrays.fill(dt, stepSize);
            int accepted = step.apply(batch, beta, dt, rngs, acceptance);
            moved += accepted;
            stepSize = (double) accepted / count > ACCEPTANCE_THRESHOLD ? stepSize * STEP_FACTOR : stepSize / STEP_FACTOR;
        }
        double rate = steps == 0 ? Double.NaN : (double) moved / ((long) steps * count);
        return new Relaxation(batch.positions(), batch.energies(), rate, stepSize, counted.counts());
    }
}
