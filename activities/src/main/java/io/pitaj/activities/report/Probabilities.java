package io.pitaj.activities.report;

/**
 * How a plot's caller attaches weights to values: an array of normalised probabilities, one per value, or null
 * for uniform weights, so that unweighted sets (MD, a reference) need not allocate an array of {@code 1 / n}.
 */
final class Probabilities {
    private Probabilities() {}

    /**
     * @throws IllegalArgumentException if {@code probabilities} is neither null nor {@code count} finite,
     *                                  non-negative numbers; the message starts with {@code what} and counts
     *                                  the {@code counted} (e.g. "values")
     */
    static void require(String what, double[] probabilities, int count, String counted) {
        if (probabilities == null) return;
        if (probabilities.length != count) {
            throw new IllegalArgumentException(what + ": " + probabilities.length + " probabilities for " + count
                    + " " + counted);
        }
        for (int i = 0; i < count; i++) {
            double p = probabilities[i];
            if (!(p >= 0) || p == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(what + ": probability " + p + " at index " + i
                        + " is not a finite non-negative number");
            }
        }
    }

    /** The probability of value {@code i} of {@code count}. */
    static double of(double[] probabilities, int i, int count) {
        return probabilities == null ? 1.0 / count : probabilities[i];
    }

    /**
     * The number of points in an interleaved array of 2-D points ({@code x0, y0, x1, y1, …}), checked against their
     * probabilities.
     *
     * @throws IllegalArgumentException if {@code interleaved} has an odd length or the probabilities do not fit
     */
    static int pairCount(String what, double[] interleaved, double[] probabilities) {
        if (interleaved.length % 2 != 0) {
            throw new IllegalArgumentException(what + ": " + interleaved.length
                    + " numbers cannot be interleaved 2-D points (the length must be even)");
        }
        int count = interleaved.length / 2;
        require(what, probabilities, count, "points");
        return count;
    }
}
