package io.pitaj.models.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Wasserstein1DTest {
    @Test
    void aSetWithItselfIsZeroAndAShiftIsTheShift() {
        double[] a = {0.3, -1, 2, 5, 0};
        double[] b = a.clone();
        for (int i = 0; i < b.length; i++) b[i] += 1.5;
        assertEquals(0, Wasserstein1D.distance(a, a), 1e-15);
        assertEquals(1.5, Wasserstein1D.distance(a, b), 1e-12);
        assertEquals(0, Wasserstein1D.w2(a, a), 1e-15);
        assertEquals(1.5, Wasserstein1D.w2(a, b), 1e-12);
    }

    @Test
    void handComputedWeightedCases() {
        // mass 1/4 at 0 and 3/4 at 1 against mass 1 at 0.5: W1 = ¼·0.5 + ¾·0.5 = 0.5, W2 = √(¼·0.25 + ¾·0.25) = 0.5
        double[] a = {0, 1}, wa = {1, 3}, b = {0.5}, wb = {7};
        assertEquals(0.5, Wasserstein1D.distance(a, wa, b, wb), 1e-12);
        assertEquals(0.5, Wasserstein1D.distance(a, wa, b, wb, 2), 1e-12);
        // {0, 1} vs {0, 0, 0, 3}: u < ½: 0 vs 0; ½ ≤ u < ¾: 1 vs 0; u ≥ ¾: 1 vs 3 → W1 = ¼·1 + ¼·2, W2 = √(¼·1 + ¼·4)
        assertEquals(0.75, Wasserstein1D.distance(new double[] {0, 1}, new double[] {0, 0, 0, 3}), 1e-12);
        assertEquals(Math.sqrt(1.25), Wasserstein1D.w2(new double[] {0, 1}, new double[] {0, 0, 0, 3}), 1e-12);
    }

    @Test
    void uniformWeightsAgreeWithTheUnweightedPath() {
        SplittableRandom r = new SplittableRandom(4);
        double[] a = new double[50], b = new double[70];
        for (int i = 0; i < a.length; i++) a[i] = r.nextGaussian();
        for (int i = 0; i < b.length; i++) b[i] = 2 * r.nextGaussian() + 1;
        double[] wa = new double[50], wb = new double[70];
        java.util.Arrays.fill(wa, 0.3);
        java.util.Arrays.fill(wb, 5);
        assertEquals(Wasserstein1D.w2(a, b), Wasserstein1D.distance(a, wa, b, wb, 2), 1e-12);
        assertEquals(Wasserstein1D.distance(a, b), Wasserstein1D.distance(a, wa, b, wb), 1e-12);
    }

    @Test
    void refusesWhatIsNotADistribution() {
        assertThrows(IllegalArgumentException.class, () -> Wasserstein1D.distance(new double[] {1}, new double[] {0}, new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Wasserstein1D.w2(new double[] {Double.NaN}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Wasserstein1D.distance(new double[] {1}, new double[] {1}, new double[] {1}, new double[] {1}, 0.5));
    }
}
