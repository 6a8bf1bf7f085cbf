package io.pitaj.models.metrics;

import io.pitaj.models.sampling.LogWeights;
import java.util.Arrays;

/**
 * Effective sample sizes of importance weights. {@link #kish} is (Σw)²/Σw², N for equal weights and 1 for a single
 * survivor; {@link #reverseFraction} is TA-BG's reported "reverse ESS" (benchmarks.md §3): the Kish ESS divided by N
 * after clipping the largest {@code clipFraction} of log-weights to the smallest of them, which keeps one extreme
 * weight from deciding the number. {@link #perEvaluation} divides by the target evaluations that produced the set.
 */
public final class EffectiveSampleSize {
    /** TA-BG's clipping: the top 1e-4 fraction of log-weights. */
    public static final double REFERENCE_CLIP_FRACTION = 1e-4;

    private EffectiveSampleSize() {}

    public static double kish(double[] logWeights) { return LogWeights.effectiveSampleSize(logWeights); }

    public static double reverseFraction(double[] logWeights, double clipFraction) {
        if (!(clipFraction >= 0 && clipFraction < 1)) throw new IllegalArgumentException("clip fraction must be in [0, 1)");
        int n = logWeights.length, clipped = (int) Math.floor(clipFraction * n);
        double[] w = logWeights.clone();
        if (clipped > 0) {
            double[] sorted = w.clone();
            Arrays.sort(sorted);
            double cap = sorted[n - clipped - 1];
            for (int i = 0; i < n; i++) if (w[i] > cap) w[i] = cap;
        }
        return kish(w) / n;
    }

    public static double perEvaluation(double[] logWeights, long targetEvaluations) {
        if (targetEvaluations < 1) throw new IllegalArgumentException("ESS per evaluation needs at least one evaluation");
        return kish(logWeights) / targetEvaluations;
    }
}
