package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.targets.Target;

/**
 * The No-U-Turn sampler on U = E/(k_B T), unit mass matrix: trajectories doubled in random directions until they
 * turn back on themselves ((x⁺ − x⁻)·p⁻ &lt; 0 or (x⁺ − x⁻)·p⁺ &lt; 0 on any subtree, Hoffman &amp; Gelman 2014) or
 * reach {@code maxTreeDepth}, with the next state drawn multinomially — uniformly inside subtrees and biased towards
 * the new half at the top level (Betancourt 2017, as in Stan). Warm-up tunes ε per chain by dual averaging toward
 * {@code targetAcceptance} (0.8 by default, Stan's), using Stan's acceptance statistic: the mean of
 * min(1, exp(H₀ − H)) over the leaves of the tree. This is the sampler behind PITA's LJ-13 data (pyro NUTS,
 * pita-algorithm.md §1.6).
 *
 * <p>Tree lengths differ between chains, so chains are run one per task in parallel; each uses only its own random
 * stream and single-configuration target calls, so results do not depend on the thread count.
 *
 * @param initialStepSize ε at the start, in length units
 * @param maxTreeDepth    at most 2^maxTreeDepth − 1 leapfrog steps per iteration
 * @param adaptation      {@link StepSizeAdaptation#PER_CHAIN} or {@link StepSizeAdaptation#NONE}; chains run
 *                        independently, so they cannot share one controller
 */
public record Nuts(double initialStepSize, int maxTreeDepth, double targetAcceptance, StepSizeAdaptation adaptation)
        implements MarkovKernel {
    public static final int DEFAULT_MAX_TREE_DEPTH = 10;
    public static final double DEFAULT_TARGET_ACCEPTANCE = 0.8;

    public Nuts {
        AdaptiveStepSizes.checkSettings(initialStepSize, targetAcceptance, adaptation);
        if (adaptation == StepSizeAdaptation.BATCH) throw new IllegalArgumentException("NUTS adapts per chain or not at all");
        if (maxTreeDepth < 1 || maxTreeDepth > 30) throw new IllegalArgumentException("max tree depth must lie in 1 … 30, got " + maxTreeDepth);
    }

    /** Per-chain adaptation toward acceptance 0.8, tree depth at most 10. */
    public static Nuts adaptive(double initialStepSize) {
        return new Nuts(initialStepSize, DEFAULT_MAX_TREE_DEPTH, DEFAULT_TARGET_ACCEPTANCE, StepSizeAdaptation.PER_CHAIN);
    }

    /** Runs {@code chains} chains from the rows of {@code x0} (chains × dimension) at {@code temperature}. */
    public McmcResult run(Target target, double temperature, double[] x0, int chains, Schedule schedule, long seed) {
        return ChainRunner.sample(this, target, temperature, x0, chains, schedule, seed);
    }

    @Override
    public ChainMove bind(Target target, double temperature, int chains, long seed) {
        return new NutsMove(this, target, temperature, chains, seed);
    }
}
