package io.pitaj.activities.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotRamachandranTest {
    @TempDir
    Path dir;

    /** Two basins like alanine dipeptide's β (−80°, 150°) and α_R (−70°, −40°), the second with {@code alpha} of the mass. */
    static double[] twoBasins(int n, double alpha, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] phiPsi = new double[2 * n];
        for (int i = 0; i < n; i++) {
            boolean inAlpha = random.nextDouble() < alpha;
            phiPsi[2 * i] = wrap(Math.toRadians((inAlpha ? -70 : -80) + 15 * normal(random)));
            phiPsi[2 * i + 1] = wrap(Math.toRadians((inAlpha ? -40 : 150) + 20 * normal(random)));
        }
        return phiPsi;
    }

    private static double normal(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double wrap(double angle) {
        return Math.atan2(Math.sin(angle), Math.cos(angle));
    }

    @Test
    void anglesNearPlusAndMinus180LandInTheEdgeBins() {
        assertEquals(FreeEnergyMap.BINS - 1, FreeEnergyMap.bin(Math.toRadians(179)));
        assertEquals(0, FreeEnergyMap.bin(Math.toRadians(-179)));
        assertEquals(0, FreeEnergyMap.bin(Math.PI));  // the torus: +180° is −180°
        assertEquals(FreeEnergyMap.bin(Math.toRadians(12)), FreeEnergyMap.bin(Math.toRadians(372)));
        double[][] mass = FreeEnergyMap.mass("edges", new double[] {Math.toRadians(179), Math.toRadians(-179)}, null);
        assertEquals(1.0, mass[FreeEnergyMap.BINS - 1][0]);
    }

    @Test
    void theFreeEnergyIsZeroAtTheLowestBinOfEitherMap() {
        double[][] spread = FreeEnergyMap.mass("spread", twoBasins(2000, 0.5, 1), null);
        double[][] peaked = FreeEnergyMap.mass("peaked", new double[] {0.1, 0.1, 0.1, 0.1, 2, 2}, null);
        List<double[][]> f = FreeEnergyMap.shiftedFreeEnergies(List.of(spread, peaked));
        assertEquals(0.0, min(f.get(1)));  // the peaked map holds the most probable bin
        assertEquals(-Math.log(maxMass(spread)) + Math.log(2.0 / 3), min(f.get(0)), 1e-12);
        assertTrue(Double.isNaN(f.get(1)[0][0]), "an empty bin has no free energy");
    }

    private static double min(double[][] f) {
        double m = Double.POSITIVE_INFINITY;
        for (double[] row : f) for (double v : row) if (v < m) m = v;
        return m;
    }

    private static double maxMass(double[][] mass) {
        double m = 0;
        for (double[] row : mass) for (double v : row) m = Math.max(m, v);
        return m;
    }

    @Test
    void samplesBesideTheReferenceRenderWide() throws IOException {
        Path png = PlotImages.target(dir, "ramachandran");
        double[] samples = twoBasins(20_000, 0.2, 2);
        double[] p = new double[samples.length / 2];
        SplittableRandom random = new SplittableRandom(3);
        double sum = 0;
        for (int i = 0; i < p.length; i++) sum += p[i] = 0.5 + random.nextDouble();
        for (int i = 0; i < p.length; i++) p[i] /= sum;
        RamachandranPlot.render(png, "ALDP 300 K: Ramachandran free energy", samples, p, twoBasins(100_000, 0.35, 4),
                null);
        PlotImages.assertRendered(png, PlotStyle.WIDE_WIDTH_PX, PlotStyle.HEIGHT_PX);
    }

    @Test
    void withoutAReferenceThePlotIsOnePanel() throws IOException {
        Path png = PlotImages.target(dir, "ramachandran-single");
        RamachandranPlot.render(png, "ALDP 300 K: samples only", twoBasins(5000, 0.3, 5), null, null, null);
        PlotImages.assertRendered(png, PlotStyle.WIDTH_PX, PlotStyle.HEIGHT_PX);
    }

    @Test
    void badInputIsRejected() {
        Path png = dir.resolve("r.png");
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                () -> RamachandranPlot.render(png, "t", new double[3], null, null, null));
        assertTrue(odd.getMessage().startsWith("phiPsiSamples: 3 numbers"), odd.getMessage());
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> RamachandranPlot.render(png, "t", new double[4], null, new double[4], new double[3]));
        assertEquals("phiPsiReference: 3 probabilities for 2 points", mismatch.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RamachandranPlot.render(png, "t", new double[4], null, null, new double[2]));
    }
}
