package io.pitaj.models.sampling;

import java.util.Arrays;

/**
 * Arithmetic on vectors of log importance weights, in double precision and shifted by the largest weight so that
 * nothing underflows. A weight of −∞ is a zero weight; NaN is never a weight and is rejected where it would turn
 * into silent garbage.
 */
public final class LogWeights {
    private LogWeights() {}

    /** log Σ exp(w); −∞ when every weight is −∞. */
    public static double logSumExp(double[] w) {
        double max = max(w);
        if (max == Double.NEGATIVE_INFINITY) return max;
        if (max == Double.POSITIVE_INFINITY) return max;
        double s = 0;
        for (double v : w) s += Math.exp(v - max);
        return max + Math.log(s);
    }

    /** log of the mean weight, log((1/N) Σ exp(w)): the log normalising-constant increment of one SMC step. */
    public static double logMeanExp(double[] w) { return logSumExp(w) - Math.log(w.length); }

    /**
     * Normalised probabilities exp(w)/Σ exp(w). Weights of +∞ share the mass equally among themselves (the limit of
     * a logit growing without bound); NaN, or every weight −∞, is an error naming the problem.
     */
    public static double[] probabilities(double[] w) {
        requireUsable(w);
        double max = max(w);
        double[] p = new double[w.length];
        if (max == Double.POSITIVE_INFINITY) {
            int n = 0;
            for (double v : w) if (v == max) n++;
            for (int i = 0; i < w.length; i++) p[i] = w[i] == max ? 1.0 / n : 0;
            return p;
        }
        double s = 0;
        for (int i = 0; i < w.length; i++) s += p[i] = Math.exp(w[i] - max);
        for (int i = 0; i < w.length; i++) p[i] /= s;
        return p;
    }

    /** Kish's effective sample size (Σw)²/Σw² of the normalised weights: N for equal weights, 1 for one survivor. */
    public static double effectiveSampleSize(double[] w) {
        double[] p = probabilities(w);
        double s2 = 0;
        for (double v : p) s2 += v * v;
        return 1 / s2;
    }

    /**
     * PITA's one-sided clip (pita-algorithm.md §1.8.4): every value above the q-quantile of {@code w[from, to)} is
     * set to it, in place. The quantile interpolates linearly between order statistics, as torch.quantile does.
     */
    public static void clipAboveQuantile(double[] w, int from, int to, double q) {
        if (!(q > 0 && q <= 1)) throw new IllegalArgumentException("clipping quantile must be in (0, 1], got " + q);
        double[] s = Arrays.copyOfRange(w, from, to);
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        double cap = lo + 1 < s.length ? s[lo] + (pos - lo) * (s[lo + 1] - s[lo]) : s[lo];
        for (int i = from; i < to; i++) if (w[i] > cap) w[i] = cap;
    }

    /** Fails with the first index holding NaN, or when no weight is positive. */
    static void requireUsable(double[] w) {
        if (w.length == 0) throw new IllegalArgumentException("no weights");
        boolean anyFinite = false;
        for (int i = 0; i < w.length; i++) {
            if (Double.isNaN(w[i])) throw new IllegalArgumentException("log-weight of particle " + i + " is NaN");
            if (w[i] != Double.NEGATIVE_INFINITY) anyFinite = true;
        }
        if (!anyFinite) throw new IllegalArgumentException("every weight is zero (all " + w.length + " log-weights are −∞)");
    }

    private static double max(double[] w) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : w) if (v > m) m = v;
        return m;
    }
}
