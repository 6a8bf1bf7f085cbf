package io.pitaj.models.sampling;

/**
 * Weighted particles in model coordinates with the log normalising-constant estimate that came with them.
 *
 * @param x              particles × dimension, row-major
 * @param logWeights     per particle, normalised to mean weight 1
 * @param logNormaliser  log Ẑ of the run (or runs) that produced them
 * @param counts         evaluations spent producing them
 */
public record Population(double[] x, double[] logWeights, double logNormaliser, EvaluationCounts counts) {
    public int size() { return logWeights.length; }
}
