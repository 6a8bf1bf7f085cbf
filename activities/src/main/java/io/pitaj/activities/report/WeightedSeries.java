package io.pitaj.activities.report;

import java.util.Objects;

/**
 * One named set of values to histogram, with the probability each value carries: importance weights make a
 * sampler's histogram an estimate of the target's, which the unweighted histogram is not.
 *
 * <p>The arrays are not copied: a series is made for one plot call, and pooled pair distances can run to millions of
 * values. Non-finite values are allowed (an exploded sample has an infinite energy) and left out of the histogram,
 * their probability with them.
 *
 * @param name          the legend entry
 * @param values        the values, in the unit the plot's axis label names
 * @param probabilities normalised weights (sum 1), one per value, or null for uniform
 */
public record WeightedSeries(String name, double[] values, double[] probabilities) {
    /** @throws IllegalArgumentException if the probabilities do not fit the values; the message names the series */
    public WeightedSeries {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
        Probabilities.require("series '" + name + "'", probabilities, values.length, "values");
    }

    /** The probability of value {@code i}. */
    double probability(int i) {
        return Probabilities.of(probabilities, i, values.length);
    }
}
