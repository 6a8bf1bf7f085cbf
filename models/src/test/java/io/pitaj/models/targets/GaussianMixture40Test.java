package io.pitaj.models.targets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GaussianMixture40Test {
    private final GaussianMixture40 gmm = new GaussianMixture40();

    @Test
    void meansComeFromTheShippedTable() {
        // first and last rows of shared/data/gmm40/means.csv
        assertArrayEquals(new double[] {-0.299472809, 21.4577446}, gmm.mean(0));
        assertArrayEquals(new double[] {3.6796999, -25.0242138}, gmm.mean(39));
    }

    @Test
    void standardDeviationIsSoftplusOfOne() {
        assertEquals(1.3132616875182228, GaussianMixture40.STD, 1e-15);
    }

    @Test
    void logDensityAtUnitTemperatureIntegratesToOne() {
        double step = 0.25, lo = -60, hi = 60;
        int n = (int) Math.round((hi - lo) / step) + 1;
        double[] grid = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                grid[2 * (i * n + j)] = lo + i * step;
                grid[2 * (i * n + j) + 1] = lo + j * step;
            }
        }
        double[] logDensity = new double[n * n];
        gmm.logDensityAndGrad(grid, n * n, 1.0, logDensity, null);
        double integral = 0;
        for (double l : logDensity) integral += Math.exp(l);
        assertEquals(1.0, integral * step * step, 1e-3);
    }

    @Test
    void energyAtAnIsolatedModeIsMinusLogOfItsPeakDensity() {
        // mode 0 is 7.8 σ from its nearest neighbour, whose share of the density there is e^(−30) ≈ 1e-13
        double peak = 1.0 / (40 * 2 * Math.PI * GaussianMixture40.STD * GaussianMixture40.STD);
        assertEquals(-Math.log(peak), gmm.energy(gmm.mean(0)), 1e-9);
    }
}
