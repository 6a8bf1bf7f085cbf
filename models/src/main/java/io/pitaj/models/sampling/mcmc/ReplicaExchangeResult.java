package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.sampling.EvaluationCounts;

/**
 * What a {@link ReplicaExchange} run returns. Rung 0 is the coldest (the target temperature).
 *
 * @param samples      per kept rung (only rung 0 unless every rung was kept), configurations chain-major as in
 *                     {@link McmcResult#samples()}: {@code samples[r][(c·kept + k)·dimension + j]}
 * @param energies     per kept rung, {@code energies[r][c·kept + k]}
 * @param swapAttempts per neighbouring pair (r, r+1), attempts after warm-up
 * @param swapAccepted per neighbouring pair, accepted swaps after warm-up
 * @param acceptance   per rung, the kernel's mean acceptance per chain after warm-up
 * @param stepSizes    per rung, the kernel's frozen step size per chain
 */
public record ReplicaExchangeResult(double[] temperatures, int chains, int kept, int dimension, double[][] samples,
                                    double[][] energies, long[] swapAttempts, long[] swapAccepted,
                                    double[][] acceptance, double[][] stepSizes, EvaluationCounts counts) {
    /** Kept configurations at the coldest rung. */
    public double[] coldSamples() { return samples[0]; }

    /** Fraction of accepted swaps between rungs {@code pair} and {@code pair + 1}. */
    public double swapAcceptanceRate(int pair) { return (double) swapAccepted[pair] / swapAttempts[pair]; }
}
