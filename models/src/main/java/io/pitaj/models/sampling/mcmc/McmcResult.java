package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.sampling.EvaluationCounts;

/**
 * What a single-temperature sampler returns.
 *
 * @param samples        kept configurations, chain-major: value j of sample k of chain c is
 *                       {@code samples[(c·kept + k)·dimension + j]}
 * @param energies       potential energy of each kept configuration, {@code energies[c·kept + k]}, in the target's
 *                       energy unit
 * @param acceptance     mean acceptance probability per chain over the sampling (post-warm-up) moves
 * @param stepSizes      the frozen step size per chain, in the kernel's unit
 * @param finalPositions the last state, chains × dimension
 * @param counts         target evaluations, warm-up included
 */
public record McmcResult(int chains, int kept, int dimension, double[] samples, double[] energies, double[] acceptance,
                         double[] stepSizes, double[] finalPositions, EvaluationCounts counts) {
    /** Acceptance averaged over chains. */
    public double meanAcceptance() {
        double s = 0;
        for (double a : acceptance) s += a;
        return s / acceptance.length;
    }
}
