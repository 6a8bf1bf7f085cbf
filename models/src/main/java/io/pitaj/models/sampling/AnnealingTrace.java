package io.pitaj.models.sampling;

/**
 * Per-step diagnostics of an annealing run, indexed by step k = 0 … K−1: the effective sample size of the weights
 * carried after the step (before any resampling), the running log normalising-constant estimate log Ẑ after it, and
 * the number of distinct ancestors if the step resampled (0 otherwise).
 */
public record AnnealingTrace(double[] ess, double[] logNormaliser, int[] uniqueAncestors) {
    public AnnealingTrace {
        if (ess.length != logNormaliser.length || ess.length != uniqueAncestors.length) throw new IllegalArgumentException("ragged trace");
    }

    public int steps() { return ess.length; }
}
