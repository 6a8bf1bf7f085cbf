package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.targets.Target;

/**
 * Hamiltonian Monte Carlo on U = E/(k_B T) with a unit mass matrix in the target's coordinates: fresh Gaussian
 * momenta, {@code leapfrogSteps} leapfrog steps of size ε, Metropolis accept/reject on the total energy. Every chain
 * of the batch takes its leapfrog steps together, one batched force call per step. ε is jittered uniformly by
 * ±{@code stepJitter}·ε each iteration, because a fixed trajectory length εL can resonate with a period of the target
 * (on a harmonic well, εL = π/ω returns every chain to its mirror image) and stop the chain from mixing. During warm-up
 * ε is tuned by dual averaging toward {@code targetAcceptance} (0.65 by default, Beskos et al. 2013), then frozen.
 *
 * @param initialStepSize ε at the start, in length units (nm for peptides)
 * @param leapfrogSteps   L, leapfrog steps per trajectory
 * @param stepJitter      relative half-width of the uniform jitter of ε, in [0, 1)
 */
public record Hmc(double initialStepSize, int leapfrogSteps, double targetAcceptance, StepSizeAdaptation adaptation,
                  double stepJitter) implements MarkovKernel {
    public static final double DEFAULT_TARGET_ACCEPTANCE = 0.65;
    public static final double DEFAULT_STEP_JITTER = 0.1;

    public Hmc {
        AdaptiveStepSizes.checkSettings(initialStepSize, targetAcceptance, adaptation);
        if (leapfrogSteps < 1) throw new IllegalArgumentException("need at least one leapfrog step, got " + leapfrogSteps);
        if (!(stepJitter >= 0 && stepJitter < 1)) throw new IllegalArgumentException("step jitter must lie in [0, 1), got " + stepJitter);
    }

    /**
     * Batch adaptation toward acceptance 0.65, ±10 % step jitter. Batch, not per chain: HMC's acceptance falls
     * steeply with ε, and a per-chain controller fed one noisy acceptance per iteration settles on an averaged step
     * that is too small (acceptance 0.70–0.78 for a 0.65 target on a 10-D Gaussian after 200–2000 warm-up steps,
     * against 0.63–0.65 for the batch mean).
     */
    public static Hmc adaptive(double initialStepSize, int leapfrogSteps) {
        return new Hmc(initialStepSize, leapfrogSteps, DEFAULT_TARGET_ACCEPTANCE, StepSizeAdaptation.BATCH, DEFAULT_STEP_JITTER);
    }

    /** Runs {@code chains} chains from the rows of {@code x0} (chains × dimension) at {@code temperature}. */
    public McmcResult run(Target target, double temperature, double[] x0, int chains, Schedule schedule, long seed) {
        return ChainRunner.sample(this, target, temperature, x0, chains, schedule, seed);
    }

    @Override
    public ChainMove bind(Target target, double temperature, int chains, long seed) {
        return new HmcMove(this, target, temperature, chains, seed);
    }
}
