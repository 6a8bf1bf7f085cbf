package io.pitaj.models.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RamachandranKlTest {
    @Test
    void identicalHistogramsHaveZeroDivergence() {
        double[] a = {0.1, 0.2, -3.0, 3.1, 1.0, 1.0};
        assertEquals(0, RamachandranKl.divergence(a, null, a, null), 1e-15);
        // the same angles on another branch fall in the same bins
        double[] b = {0.1 + 2 * Math.PI, 0.2, -3.0 + 2 * Math.PI, 3.1, 1.0 - 2 * Math.PI, 1.0};
        assertEquals(0, RamachandranKl.divergence(a, null, b, null), 1e-15);
    }

    @Test
    void handComputedDivergence() {
        // reference: one bin with all mass; samples: half in that bin, half elsewhere → KL = log 2 (density × area = mass)
        double[] ref = {0.01, 0.01};
        double[] samples = {0.01, 0.01, 3.0, 3.0};
        assertEquals(Math.log(2), RamachandranKl.divergence(ref, null, samples, null), 1e-9);
        // weights do what counts do
        assertEquals(Math.log(2), RamachandranKl.divergence(ref, null, new double[] {0.01, 0.01, 3.0, 3.0, 3.0, 3.0},
                new double[] {2, 1, 1}), 1e-9);
    }
}
