package io.pitaj.models.metrics;

import java.util.Arrays;

/** Summary statistics of plain samples (timings, per-sample values). */
public final class Statistics {
    private Statistics() {}

    /** The median; the mean of the two middle values for an even count. */
    public static double median(double[] values) {
        if (values.length == 0) throw new IllegalArgumentException("median of no values");
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }
}
