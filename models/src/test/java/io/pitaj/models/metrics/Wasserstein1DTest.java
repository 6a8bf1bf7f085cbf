package io.pitaj.models.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Wasserstein1DTest {
    @Test
    void aSetWithItselfIsZeroAndAShiftIsTheShift() {
        double[] a = {0.3, -1, 2, 5, 0};
        double[] b = a.clone();
        for (int i = 0; i < b.length; i++) b[i] += 1.5;
        assertEquals(0, Wasserstein1D.distance(a, a), 1e-15);
        assertEquals(1.5, Wasserstein1D.distance(a, b), 1e-12);
    }

    @Test
    void handComputedWeightedCase() {
        // mass 1/4 at 0 and 3/4 at 1 against mass 1 at 0.5: ¼·0.5 + ¾·0.5 = 0.5
        assertEquals(0.5, Wasserstein1D.distance(new double[] {0, 1}, new double[] {1, 3}, new double[] {0.5}, new double[] {7}), 1e-12);
        // {0, 1} vs {0, 0, 0, 3}: quantiles — u < ½: 0 vs 0; ½ ≤ u < ¾: 1 vs 0; u ≥ ¾: 1 vs 3 → ¼·1 + ¼·2 = 0.75
        assertEquals(0.75, Wasserstein1D.distance(new double[] {0, 1}, new double[] {0, 0, 0, 3}), 1e-12);
    }
}
