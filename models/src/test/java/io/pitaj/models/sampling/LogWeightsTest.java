package io.pitaj.models.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogWeightsTest {
    @Test
    void effectiveSampleSizeOfEqualAndOfOneHotWeights() {
        assertEquals(10, LogWeights.effectiveSampleSize(new double[10]), 1e-12);
        double ninf = Double.NEGATIVE_INFINITY;
        assertEquals(1, LogWeights.effectiveSampleSize(new double[] {ninf, 3, ninf}), 1e-12);
        // weights 1, 3: (4)²/(1 + 9) = 1.6
        assertEquals(1.6, LogWeights.effectiveSampleSize(new double[] {0, Math.log(3)}), 1e-12);
    }

    @Test
    void logMeanExpIsStable() {
        assertEquals(1000 + Math.log(2) - Math.log(2), LogWeights.logMeanExp(new double[] {1000, 1000}), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, LogWeights.logSumExp(new double[] {Double.NEGATIVE_INFINITY}));
    }

    @Test
    void clipsAboveTheInterpolatedQuantileWithinTheRangeOnly() {
        double[] w = {1, 2, 3, 4, 5, 100, 100};
        // quantile 0.9 of {1..5} at position 3.6: 4 + 0.6 = 4.6
        LogWeights.clipAboveQuantile(w, 0, 5, 0.9);
        assertArrayEquals(new double[] {1, 2, 3, 4, 4.6, 100, 100}, w, 1e-12);
    }
}
