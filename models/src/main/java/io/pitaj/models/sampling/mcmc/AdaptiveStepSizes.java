package io.pitaj.models.sampling.mcmc;

import java.util.Arrays;

/**
 * The step size of every chain of a batch: adapted from acceptance probabilities during warm-up, frozen at the
 * dual-averaging average when warm-up ends, and from then on only tallying the acceptance that sampling reports.
 */
final class AdaptiveStepSizes {
    private final StepSizeAdaptation mode;
    private final double[] stepSizes;
    private final DualAveraging[] controllers;
    private final double[] acceptanceSum;
    private final long[] acceptanceCount;
    private boolean frozen;

    AdaptiveStepSizes(int chains, double initialStepSize, double targetAcceptance, StepSizeAdaptation mode) {
        checkSettings(initialStepSize, targetAcceptance, mode);
        this.mode = mode;
        this.stepSizes = new double[chains];
        Arrays.fill(stepSizes, initialStepSize);
        int n = switch (mode) {
            case PER_CHAIN -> chains;
            case BATCH -> 1;
            case NONE -> 0;
        };
        this.controllers = new DualAveraging[n];
        for (int k = 0; k < n; k++) controllers[k] = new DualAveraging(initialStepSize, targetAcceptance);
        this.acceptanceSum = new double[chains];
        this.acceptanceCount = new long[chains];
    }

    /** Fails unless the step size is positive and finite, the target acceptance in (0, 1) and a mode given. */
    static void checkSettings(double initialStepSize, double targetAcceptance, StepSizeAdaptation mode) {
        if (!(initialStepSize > 0) || Double.isInfinite(initialStepSize)) {
            throw new IllegalArgumentException("initial step size must be positive and finite, got " + initialStepSize);
        }
        if (!(targetAcceptance > 0 && targetAcceptance < 1)) {
            throw new IllegalArgumentException("target acceptance must lie in (0, 1), got " + targetAcceptance);
        }
        if (mode == null) throw new IllegalArgumentException("step-size adaptation mode is missing");
    }

    double stepSize(int chain) { return stepSizes[chain]; }

    /** The live step sizes, one per chain. */
    double[] stepSizes() { return stepSizes; }

    /** Ends warm-up (once; later calls do nothing): every chain keeps its averaged step size from now on. */
    void freeze() {
        if (frozen) return;
        frozen = true;
        for (int c = 0; c < stepSizes.length; c++) {
            if (mode == StepSizeAdaptation.PER_CHAIN) stepSizes[c] = controllers[c].averagedStepSize();
            if (mode == StepSizeAdaptation.BATCH) stepSizes[c] = controllers[0].averagedStepSize();
        }
    }

    /** One step's acceptance probabilities for all chains: adapts before {@link #freeze}, tallies afterwards. */
    void observe(double[] acceptance) {
        if (frozen || mode != StepSizeAdaptation.BATCH) {
            for (int c = 0; c < stepSizes.length; c++) observe(c, acceptance[c]);
            return;
        }
        double mean = 0;
        for (double a : acceptance) mean += Double.isNaN(a) ? 0 : a;
        Arrays.fill(stepSizes, controllers[0].update(mean / acceptance.length));
    }

    /**
     * One chain's acceptance probability. Touches only that chain's state, so chains may report from different
     * threads; batch adaptation cannot, since it needs every chain's step before the next.
     */
    void observe(int chain, double acceptance) {
        if (frozen) {
            acceptanceSum[chain] += Double.isNaN(acceptance) ? 0 : acceptance;
            acceptanceCount[chain]++;
        } else if (mode == StepSizeAdaptation.PER_CHAIN) {
            stepSizes[chain] = controllers[chain].update(acceptance);
        } else if (mode == StepSizeAdaptation.BATCH) {
            throw new IllegalStateException("batch adaptation needs every chain's acceptance at once");
        }
    }

    /** Mean acceptance probability per chain since {@link #freeze}; NaN for a chain that has not moved since. */
    double[] acceptance() {
        double[] a = new double[acceptanceSum.length];
        for (int c = 0; c < a.length; c++) a[c] = acceptanceSum[c] / acceptanceCount[c];
        return a;
    }
}
