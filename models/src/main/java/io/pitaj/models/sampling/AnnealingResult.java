package io.pitaj.models.sampling;

/**
 * What an annealing run returns, in model coordinates.
 *
 * @param x              particles × dimension, row-major
 * @param logWeights     per particle, normalised to mean weight 1 (all 0 after a final resampling)
 * @param logNormaliser  log Ẑ, the run's estimate of log(Z_target/Z_model) up to the model's own normalisation —
 *                       what merges independent shards ({@link Shards#merge})
 * @param finalEss       effective sample size of the last weighting before the final resampling (N if none)
 * @param trace          per-step diagnostics
 * @param counts         target and model evaluations spent
 * @param times          where the wall time went
 */
public record AnnealingResult(double[] x, double[] logWeights, double logNormaliser, double finalEss, AnnealingTrace trace,
                              EvaluationCounts counts, Times times) {
    /**
     * Wall time in seconds: building the graphs and opening their sessions, network calls (including feeding
     * them), target evaluations, resampling, and in total (the rest is the host's drift, increments, moves, noise).
     */
    public record Times(double setupSeconds, double networkSeconds, double targetSeconds, double resamplingSeconds, double totalSeconds) {}

    public int particles() { return logWeights.length; }

    /** The weighted particles alone, as {@link Shards#merge} takes them. */
    public Population population() { return new Population(x, logWeights, logNormaliser, counts); }
}
