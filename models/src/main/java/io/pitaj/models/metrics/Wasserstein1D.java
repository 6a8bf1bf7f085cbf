package io.pitaj.models.metrics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The 1-Wasserstein distance between two weighted 1-D samples, exact: the integral of |F⁻¹(u) − G⁻¹(u)| over
 * u ∈ [0, 1] between their quantile functions, computed by merging the sorted atoms of both. Weights need not be
 * normalised; they must be non-negative with a positive sum.
 */
public final class Wasserstein1D {
    private Wasserstein1D() {}

    public static double distance(double[] a, double[] wa, double[] b, double[] wb) {
        Integer[] ia = order(a), ib = order(b);
        double sa = sum(wa), sb = sum(wb);
        int i = 0, j = 0;
        double ra = wa[ia[0]] / sa, rb = wb[ib[0]] / sb, total = 0;
        while (i < a.length && j < b.length) {
            double step = Math.min(ra, rb);
            total += step * Math.abs(a[ia[i]] - b[ib[j]]);
            ra -= step;
            rb -= step;
            if (ra <= 1e-15) {
                if (++i < a.length) ra = wa[ia[i]] / sa;
            }
            if (rb <= 1e-15) {
                if (++j < b.length) rb = wb[ib[j]] / sb;
            }
        }
        return total;
    }

    /** Unweighted samples. */
    public static double distance(double[] a, double[] b) {
        double[] wa = new double[a.length], wb = new double[b.length];
        Arrays.fill(wa, 1);
        Arrays.fill(wb, 1);
        return distance(a, wa, b, wb);
    }

    private static Integer[] order(double[] v) {
        if (v.length == 0) throw new IllegalArgumentException("W1 of an empty sample");
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) idx[i] = i;
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
