package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.targets.Target;

/**
 * Relaxes a population of configurations at one temperature: runs {@code steps} moves of a π_T-invariant (or, for
 * discretised dynamics, approximately invariant) kernel from each configuration and returns where they end up.
 * The annealer calls it after Feynman–Kac SMC (pita-algorithm.md §1.8.6), where relaxation must be an explicit,
 * parameterised and metered stage; the returned counts are its cost.
 *
 * <p>Implementations: {@link MalaPost} (PITA's MALA_POST: MALA with the reference's every-step step-size rule) and
 * {@link LangevinMd} (BAOAB Langevin dynamics, optionally after energy minimisation). Each configuration is treated
 * as an independent chain with its own split of {@code seed}, so the result does not depend on thread count.
 */
public interface Relaxer {
    /**
     * Relaxes the first {@code count} rows of {@code x} ({@code count × target.dimension()}, row-major; not modified)
     * at {@code temperature} in the target's temperature unit. Mean-free targets' configurations are centred first.
     */
    Relaxation relax(Target target, double temperature, double[] x, int count, int steps, long seed);
}
