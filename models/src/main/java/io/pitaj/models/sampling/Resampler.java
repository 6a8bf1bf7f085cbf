package io.pitaj.models.sampling;

import java.util.SplittableRandom;

/**
 * Picks N ancestors from N weighted particles so that particle i is expected to have N·p_i offspring (p the
 * normalised weights). The schemes differ only in variance: multinomial draws N independent indices; stratified
 * one uniform per stratum [i/N, (i+1)/N); systematic one uniform shared by all strata (PITA's choice and the lowest
 * variance in practice); residual keeps ⌊N·p_i⌋ copies deterministically and draws the rest multinomially.
 *
 * <p>Unlike the reference, the probabilities are the exact softmax: the reference clamps them to [1e-6, 1] without
 * renormalising, which gives every particle a floor of 1e-6 and biases the offspring counts by up to N·1e-6.
 */
public enum Resampler {
    SYSTEMATIC, MULTINOMIAL, STRATIFIED, RESIDUAL;

    /** Ancestor indices, sorted, for log-weights {@code logWeights} (see {@link LogWeights#probabilities} for the degenerate cases). */
    public int[] ancestors(double[] logWeights, SplittableRandom rng) {
        double[] p = LogWeights.probabilities(logWeights);
        int n = p.length;
        return switch (this) {
            case SYSTEMATIC -> inverseCdf(p, n, i -> 0, rng.nextDouble());
            case STRATIFIED -> inverseCdf(p, n, i -> rng.nextDouble(), 0);
            case MULTINOMIAL -> multinomial(p, n, rng);
            case RESIDUAL -> residual(p, rng);
        };
    }

    /** Lower-case name as the CLI spells it. */
    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static Resampler parse(String label) {
        for (Resampler r : values()) if (r.label().equals(label)) return r;
        throw new IllegalArgumentException("unknown resampler '" + label + "'; choose systematic, multinomial, stratified or residual");
    }

    private interface Jitter {
        double at(int stratum);
    }

    /**
     * Inverts the cumulative weights at u_i = (i + jitter_i + shared)/N for i = 0 … m−1. The points are increasing,
     * so one pass over the cumulative sum serves them all; the index is clamped to the last particle with weight
     * because rounding may leave the cumulative sum a hair below 1.
     */
    private static int[] inverseCdf(double[] p, int m, Jitter jitter, double shared) {
        int[] out = new int[m];
        int j = 0, last = lastPositive(p);
        double c = p[0];
        for (int i = 0; i < m; i++) {
            double u = (i + jitter.at(i) + shared) / m;
            while ((c < u || p[j] == 0) && j < last) c += p[++j];
            out[i] = j;
        }
        return out;
    }

    private static int[] multinomial(double[] p, int m, SplittableRandom rng) {
        // sorted uniforms by the exponential-spacings construction, so the inverse-CDF pass stays linear
        double[] u = new double[m + 1];
        double s = 0;
        for (int i = 0; i <= m; i++) u[i] = s += -Math.log(1.0 - rng.nextDouble());
        int[] out = new int[m];
        int j = 0, last = lastPositive(p);
        double c = p[0];
        for (int i = 0; i < m; i++) {
            double v = u[i] / s;
            while ((c < v || p[j] == 0) && j < last) c += p[++j];
            out[i] = j;
        }
        return out;
    }

    private static int[] residual(double[] p, SplittableRandom rng) {
        int n = p.length;
        int[] out = new int[n];
        double[] rest = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int copies = (int) Math.floor(n * p[i]);
            for (int c = 0; c < copies; c++) out[k++] = i;
            rest[i] = n * p[i] - copies;
        }
        int m = n - k;
        if (m == 0) return out;
        double total = 0;
        for (double r : rest) total += r;
        for (int i = 0; i < n; i++) rest[i] /= total;
        int[] extra = multinomial(rest, m, rng);
        System.arraycopy(extra, 0, out, k, m);
        java.util.Arrays.sort(out);
        return out;
    }

    private static int lastPositive(double[] p) {
        for (int i = p.length - 1; i > 0; i--) if (p[i] > 0) return i;
        return 0;
    }
}
