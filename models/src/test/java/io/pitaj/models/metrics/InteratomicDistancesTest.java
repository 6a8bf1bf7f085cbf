package io.pitaj.models.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InteratomicDistancesTest {
    @Test
    void pairsOfAThreeFourFiveTriangle() {
        double[] x = {0, 0, 3, 0, 0, 4};
        assertArrayEquals(new double[] {3, 4, 5}, InteratomicDistances.of(x, 1, 3, 2), 1e-15);
    }

    @Test
    void distanceW2OfAScaledCopyAndOfItself() {
        double[] a = {0, 0, 3, 0, 0, 4, 0, 0, 1, 0, 0, 1};
        double[] b = a.clone();
        for (int i = 0; i < b.length; i++) b[i] *= 2;
        assertEquals(0, InteratomicDistances.w2(a, null, a, null, 3, 2), 1e-15);
        // distances {3, 4, 5, 1, 1, √2} doubled: W2 = √(mean d²) of the sorted differences = √(Σd²/6)
        double s = (9 + 16 + 25 + 1 + 1 + 2) / 6.0;
        assertEquals(Math.sqrt(s), InteratomicDistances.w2(a, null, b, null, 3, 2), 1e-12);
        // weights pick the first sample alone
        assertEquals(0, InteratomicDistances.w2(a, new double[] {1, 0}, new double[] {0, 0, 3, 0, 0, 4}, null, 3, 2), 1e-12);
    }
}
