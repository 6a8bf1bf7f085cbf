package io.pitaj.activities.report;

import java.util.SplittableRandom;

/**
 * Systematic resampling: {@code m} draws by weight with one random offset, so a point of weight w appears
 * {@code ⌊m w⌋} or {@code ⌈m w⌉} times. A scatter plot of the draws then shows the weighted distribution, which the
 * raw points do not, with far less noise than independent draws; a fixed seed makes the same data draw the same
 * picture.
 */
final class SystematicResampling {
    private SystematicResampling() {}

    /**
     * {@code m} indices into {@code weights}, in increasing order.
     *
     * @throws IllegalArgumentException if the weights do not have a positive finite sum
     */
    static int[] draw(double[] weights, int m, long seed) {
        double total = 0;
        for (double w : weights) total += w;
        if (!(total > 0) || Double.isInfinite(total)) {
            throw new IllegalArgumentException("weights must have a positive finite sum, got " + total);
        }
        double offset = new SplittableRandom(seed).nextDouble();
        int[] drawn = new int[m];
        int i = 0;
        double cumulative = weights[0];
        for (int k = 0; k < m; k++) {
            double pointer = (offset + k) / m * total;
            while (cumulative < pointer && i < weights.length - 1) cumulative += weights[++i];
            drawn[k] = i;
        }
        return drawn;
    }
}
