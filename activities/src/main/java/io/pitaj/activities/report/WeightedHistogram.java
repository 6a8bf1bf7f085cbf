package io.pitaj.activities.report;

import java.util.Arrays;
import java.util.List;

/**
 * Weighted density histograms on bins shared by several series, the numbers behind {@link Histograms}.
 *
 * <p>Densities (probability per unit of the value) rather than counts, so that a 1,000-sample rung and a
 * 100,000-frame reference lie on the same curve when they agree. The bins cover the pooled central 99 % of all
 * series rather than their extremes: one exploded sample at an energy of 10⁶ would otherwise squash every other
 * sample into one bin.
 */
final class WeightedHistogram {
    /** The pooled quantiles the shared bins span; the mass outside them is not drawn. */
    static final double LOWER_QUANTILE = 0.005;
    static final double UPPER_QUANTILE = 0.995;

    private WeightedHistogram() {}

    /**
     * The range between the pooled weighted quantiles of all series' finite values, each series weighing the same
     * (its probabilities sum to 1) however many values it has; widened if the quantiles coincide.
     *
     * @throws IllegalArgumentException if no series has a finite value
     */
    static Interval sharedRange(List<WeightedSeries> series, double lowerQuantile, double upperQuantile) {
        double[] sorted = series.stream()
                .flatMapToDouble(s -> Arrays.stream(s.values()))
                .filter(Double::isFinite)
                .sorted()
                .toArray();
        if (sorted.length == 0) throw new IllegalArgumentException("no series has a finite value to histogram");
        double total = massAtMost(series, sorted[sorted.length - 1]);
        return Interval.covering(quantile(sorted, series, lowerQuantile * total),
                quantile(sorted, series, upperQuantile * total));
    }

    // The smallest pooled value with at least `mass` at or below it, by bisection over the sorted values: about
    // log₂ n passes over the primitive arrays instead of sorting millions of boxed (value, weight) pairs.
    private static double quantile(double[] sorted, List<WeightedSeries> series, double mass) {
        int lo = 0;
        int hi = sorted.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (massAtMost(series, sorted[mid]) >= mass) hi = mid;
            else lo = mid + 1;
        }
        return sorted[lo];
    }

    private static double massAtMost(List<WeightedSeries> series, double limit) {
        double mass = 0;
        for (WeightedSeries s : series) {
            double[] values = s.values();
            for (int i = 0; i < values.length; i++) {
                if (values[i] <= limit) mass += s.probability(i);
            }
        }
        return mass;
    }

    /**
     * The probability density of {@code series} in {@code bins} equal bins over {@code range}: the probability mass
     * in each bin divided by the bin width. Values outside the range (and non-finite ones) are left out, so the
     * densities integrate to the mass inside the range, not to 1. The top edge belongs to the last bin.
     */
    static double[] density(WeightedSeries series, Interval range, int bins) {
        if (bins < 1) throw new IllegalArgumentException("bins must be at least 1, got " + bins);
        double width = range.width() / bins;
        double[] density = new double[bins];
        double[] values = series.values();
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            if (x >= range.lo() && x <= range.hi()) {
                density[Math.min((int) ((x - range.lo()) / width), bins - 1)] += series.probability(i);
            }
        }
        for (int b = 0; b < bins; b++) density[b] /= width;
        return density;
    }
}
