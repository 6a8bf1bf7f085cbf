package io.pitaj.models.metrics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The p-Wasserstein distance between two weighted 1-D samples, exact: (∫₀¹ |F⁻¹(u) − G⁻¹(u)|^p du)^{1/p} between
 * their quantile functions, computed by merging the sorted atoms of both. W2 is the square root of what POT's
 * {@code emd2_1d} returns, which is PITA's energy- and distance-W2 (benchmarks.md §3; DEM logs the square). Weights
 * need not be normalised; they must be finite and non-negative with a positive sum.
 */
public final class Wasserstein1D {
    private Wasserstein1D() {}

    /** W1 of weighted samples. */
    public static double distance(double[] a, double[] wa, double[] b, double[] wb) { return distance(a, wa, b, wb, 1); }

    /** W1 of unweighted samples. */
    public static double distance(double[] a, double[] b) { return distance(a, uniform(a.length), b, uniform(b.length), 1); }

    /** W2 of unweighted samples. */
    public static double w2(double[] a, double[] b) { return distance(a, uniform(a.length), b, uniform(b.length), 2); }

    /** W_p (p ≥ 1) of weighted samples. */
    public static double distance(double[] a, double[] wa, double[] b, double[] wb, double p) {
        if (!(p >= 1) || Double.isInfinite(p)) throw new IllegalArgumentException("W_p needs a finite p ≥ 1, got " + p);
        if (a.length != wa.length || b.length != wb.length) throw new IllegalArgumentException("one weight per sample");
        Integer[] ia = order(a), ib = order(b);
        double sa = sum(wa), sb = sum(wb);
        int i = 0, j = 0;
        double ra = wa[ia[0]] / sa, rb = wb[ib[0]] / sb, total = 0;
        while (i < a.length && j < b.length) {
            double step = Math.min(ra, rb);
            total += step * Math.pow(Math.abs(a[ia[i]] - b[ib[j]]), p);
            ra -= step;
            rb -= step;
            // the atom whose mass ran out moves on; rounding may leave a remainder of order 1e-16, treated as zero
            if (ra <= 1e-15 && ++i < a.length) ra = wa[ia[i]] / sa;
            if (rb <= 1e-15 && ++j < b.length) rb = wb[ib[j]] / sb;
        }
        return Math.pow(total, 1 / p);
    }

    static double[] uniform(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }

    private static Integer[] order(double[] v) {
        if (v.length == 0) throw new IllegalArgumentException("Wasserstein distance of an empty sample");
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) throw new IllegalArgumentException("sample value " + i + " is not finite: " + v[i]);
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble(k -> v[k]));
        return idx;
    }

    private static double sum(double[] w) {
        double s = 0;
        for (double x : w) {
            if (!(x >= 0) || Double.isInfinite(x)) throw new IllegalArgumentException("weights must be finite and non-negative");
            s += x;
        }
        if (!(s > 0)) throw new IllegalArgumentException("weights sum to zero");
        return s;
    }
}
