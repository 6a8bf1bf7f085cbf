package io.pitaj.models.sampling;

/**
 * One annealing run (pita-algorithm.md §1.8.4).
 *
 * @param gamma         annealing factor γ ≥ 1 (1: plain generation at the model's temperature)
 * @param particles     population size N
 * @param steps         Euler–Maruyama steps K over t ∈ [1, 0] (1000 in the reference)
 * @param schedule      when to resample
 * @param resampler     how to resample
 * @param clipQuantile  the one-sided clip of increments at this per-chunk quantile (0.9 in the reference), or NaN
 *                      for no clipping, which keeps the weights unbiased
 * @param estimator     how the weights are obtained
 * @param finalSnis     whether to importance-resample once more against the true target after the last step, as the
 *                      reference does for LJ-13 (§1.8.4 step 3)
 * @param chunk         particles per network call
 * @param seed          seed of every random draw of the run
 */
public record AnnealingConfig(double gamma, int particles, int steps, ResamplingSchedule schedule, Resampler resampler,
                              double clipQuantile, WeightEstimator estimator, boolean finalSnis, int chunk, long seed) {
    public static final int REFERENCE_STEPS = 1000;
    public static final double REFERENCE_CLIP_QUANTILE = 0.9;

    public AnnealingConfig {
        if (!(gamma >= 1) || Double.isInfinite(gamma)) throw new IllegalArgumentException("γ must be finite and at least 1, got " + gamma);
        if (particles < 1) throw new IllegalArgumentException("need at least one particle, got " + particles);
        if (steps < 1) throw new IllegalArgumentException("need at least one step, got " + steps);
        if (!Double.isNaN(clipQuantile) && !(clipQuantile > 0 && clipQuantile <= 1)) {
            throw new IllegalArgumentException("clipping quantile must be in (0, 1] or off, got " + clipQuantile);
        }
        if (chunk < 1) throw new IllegalArgumentException("chunk must be at least 1, got " + chunk);
        if (schedule instanceof ResamplingSchedule.EveryStepUntil u && u.until() > steps) {
            throw new IllegalArgumentException("resampling end step " + u.until() + " is beyond the last step " + steps);
        }
    }

    public boolean clipping() { return !Double.isNaN(clipQuantile); }

    /** The reference's defaults for a system: K = 1000, resample every step up to {@code kEnd}, systematic, clip 0.9, exact. */
    public static AnnealingConfig reference(double gamma, int particles, int kEnd, boolean finalSnis, int chunk, long seed) {
        return new AnnealingConfig(gamma, particles, REFERENCE_STEPS, new ResamplingSchedule.EveryStepUntil(kEnd), Resampler.SYSTEMATIC,
                REFERENCE_CLIP_QUANTILE, new WeightEstimator.Exact(), finalSnis, chunk, seed);
    }

    public AnnealingConfig withEstimator(WeightEstimator e) {
        return new AnnealingConfig(gamma, particles, steps, schedule, resampler, clipQuantile, e, finalSnis, chunk, seed);
    }

    public AnnealingConfig withClipQuantile(double q) {
        return new AnnealingConfig(gamma, particles, steps, schedule, resampler, q, estimator, finalSnis, chunk, seed);
    }

    public AnnealingConfig withSeed(long s) {
        return new AnnealingConfig(gamma, particles, steps, schedule, resampler, clipQuantile, estimator, finalSnis, chunk, s);
    }

    public AnnealingConfig withParticles(int n) {
        return new AnnealingConfig(gamma, n, steps, schedule, resampler, clipQuantile, estimator, finalSnis, chunk, seed);
    }
}
