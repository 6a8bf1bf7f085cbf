package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.targets.Target;

/**
 * Metropolis-adjusted Langevin on log π_T = −E/(k_B T): proposal x' = x + (dt/2)∇log π(x) + √dt ξ with the exact
 * MALA acceptance (see {@link MalaStep}). During warm-up the step size dt is tuned by dual averaging on log dt toward
 * {@code targetAcceptance} (0.574 is optimal for smooth targets in high dimension, Roberts &amp; Rosenthal 1998), per
 * chain or for the whole batch, and then frozen, so that the kept samples come from one fixed π_T-invariant kernel.
 *
 * @param initialStepSize  dt at the start, in squared length units (nm² for peptides): the per-coordinate proposal
 *                         variance
 * @param targetAcceptance acceptance probability the warm-up aims for
 * @param adaptation       how warm-up tunes dt
 */
public record Mala(double initialStepSize, double targetAcceptance, StepSizeAdaptation adaptation) implements MarkovKernel {
    public static final double DEFAULT_TARGET_ACCEPTANCE = 0.574;

    public Mala {
        AdaptiveStepSizes.checkSettings(initialStepSize, targetAcceptance, adaptation);
    }

    /** Per-chain adaptation toward the default acceptance 0.574. */
    public static Mala adaptive(double initialStepSize) {
        return new Mala(initialStepSize, DEFAULT_TARGET_ACCEPTANCE, StepSizeAdaptation.PER_CHAIN);
    }

    /** Runs {@code chains} chains from the rows of {@code x0} (chains × dimension) at {@code temperature}. */
    public McmcResult run(Target target, double temperature, double[] x0, int chains, Schedule schedule, long seed) {
        return ChainRunner.sample(this, target, temperature, x0, chains, schedule, seed);
    }

    @Override
    public ChainMove bind(Target target, double temperature, int chains, long seed) {
        return new MalaMove(this, target, temperature, chains, seed);
    }
}
