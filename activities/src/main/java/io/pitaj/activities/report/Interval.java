package io.pitaj.activities.report;

/**
 * A closed axis range {@code [lo, hi]} with {@code lo < hi}: degenerate data (one value, every sample the same)
 * still get a range of non-zero width, which bins and axes need.
 */
record Interval(double lo, double hi) {
    Interval {
        if (!(lo < hi) || !Double.isFinite(hi - lo)) {
            throw new IllegalArgumentException("not a finite interval of positive width: [" + lo + ", " + hi + "]");
        }
    }

    /** {@code [lo, hi]}, widened about its midpoint by 5 % of its magnitude (or ±0.5 at zero) when it is empty. */
    static Interval covering(double lo, double hi) {
        if (lo < hi) return new Interval(lo, hi);
        double mid = 0.5 * (lo + hi);
        double half = mid == 0 ? 0.5 : 0.05 * Math.abs(mid);
        return new Interval(mid - half, mid + half);
    }

    /** The smallest interval holding every finite value of {@code values}, or null if there is none. */
    static Interval ofFinite(double[] values, int offset, int stride) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = offset; i < values.length; i += stride) {
            if (Double.isFinite(values[i])) {
                lo = Math.min(lo, values[i]);
                hi = Math.max(hi, values[i]);
            }
        }
        return lo <= hi ? covering(lo, hi) : null;
    }

    /** This interval grown by {@code fraction} of its width on each side, so points at the edge stay visible. */
    Interval padded(double fraction) {
        double pad = fraction * width();
        return new Interval(lo - pad, hi + pad);
    }

    double width() {
        return hi - lo;
    }

    /** Point {@code i} of {@code n} equally spaced points from {@code lo} to {@code hi} inclusive. */
    double gridPoint(int i, int n) {
        return i == n - 1 ? hi : lo + width() * i / (n - 1);
    }
}
