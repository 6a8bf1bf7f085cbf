package io.pitaj.activities.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistogramsTest {
    @TempDir
    Path dir;

    private static double[] gaussian(int n, double mean, double sd, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + sd * Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        }
        return v;
    }

    @Test
    void nullProbabilitiesAreUniform() {
        double[] values = gaussian(1000, 0, 1, 1);
        double[] uniform = new double[values.length];
        Arrays.fill(uniform, 1.0 / values.length);
        WeightedSeries implicit = new WeightedSeries("implicit", values, null);
        WeightedSeries explicit = new WeightedSeries("explicit", values, uniform);
        assertEquals(WeightedHistogram.sharedRange(List.of(implicit), 0.005, 0.995),
                WeightedHistogram.sharedRange(List.of(explicit), 0.005, 0.995));
        Interval range = new Interval(-3, 3);
        assertArrayEquals(WeightedHistogram.density(implicit, range, 60),
                WeightedHistogram.density(explicit, range, 60), 1e-12);
    }

    @Test
    void densityIntegratesToTheMassInsideTheRange() {
        double[] values = gaussian(20_000, 2, 0.5, 2);
        WeightedSeries series = new WeightedSeries("g", values, null);
        Interval range = WeightedHistogram.sharedRange(List.of(series), 0.005, 0.995);
        double inside = Arrays.stream(values).filter(v -> v >= range.lo() && v <= range.hi()).count()
                / (double) values.length;
        double integral = Arrays.stream(WeightedHistogram.density(series, range, 60)).sum() * range.width() / 60;
        assertEquals(inside, integral, 1e-12);
        assertEquals(0.99, inside, 0.002);
    }

    @Test
    void allTheWeightOnOneValueFillsOneBin() {
        double[] values = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] p = new double[values.length];
        p[6] = 1;
        double[] density = WeightedHistogram.density(new WeightedSeries("spike", values, p), new Interval(0, 10), 10);
        assertEquals(1, Arrays.stream(density).filter(d -> d > 0).count());
        assertEquals(1.0, density[6], 1e-12);
    }

    @Test
    void theSharedRangeWeighsEachSeriesTheSameAndIgnoresOutliersAndNonFiniteValues() {
        double[] small = gaussian(200, 0, 1, 3);
        double[] large = gaussian(100_000, 10, 1, 4);
        small[0] = 1e9;
        small[1] = Double.POSITIVE_INFINITY;
        small[2] = Double.NaN;
        Interval range = WeightedHistogram.sharedRange(
                List.of(new WeightedSeries("small", small, null), new WeightedSeries("large", large, null)),
                0.005, 0.995);
        assertTrue(range.lo() < -1.5 && range.lo() > -4, "lo " + range.lo());
        assertTrue(range.hi() > 11.5 && range.hi() < 14, "hi " + range.hi());
    }

    @Test
    void aSingleValueGetsARangeOfPositiveWidth() {
        Interval range = WeightedHistogram.sharedRange(List.of(new WeightedSeries("one", new double[] {4, 4}, null)),
                0.005, 0.995);
        assertTrue(range.lo() < 4 && range.hi() > 4);
    }

    @Test
    void energyAndDistanceHistogramsRender() throws IOException {
        Path energy = PlotImages.target(dir, "histogram-energy");
        Histograms.energy(energy, "ALDP 300 K: energy", "energy E / k_B T", List.of(
                new WeightedSeries("rung 3 (300 K)", gaussian(5000, -120, 6, 5), null),
                new WeightedSeries("reference (MD)", gaussian(50_000, -121, 5.5, 6), null),
                new WeightedSeries("rung 2 (450 K)", gaussian(5000, -95, 8, 7), null),
                new WeightedSeries("rung 1 (675 K)", gaussian(5000, -60, 11, 8), null)));
        PlotImages.assertRendered(energy, PlotStyle.WIDTH_PX, PlotStyle.HEIGHT_PX);

        double[] sampled = gaussian(40_000, 0.25, 0.04, 9);
        double[] weights = new double[sampled.length];
        SplittableRandom random = new SplittableRandom(10);
        double sum = 0;
        for (int i = 0; i < weights.length; i++) sum += weights[i] = random.nextDouble();
        for (int i = 0; i < weights.length; i++) weights[i] /= sum;
        Path distances = PlotImages.target(dir, "histogram-distances");
        Histograms.distances(distances, "ALDP 300 K: interatomic distances", "interatomic distance r (nm)", List.of(
                new WeightedSeries("samples (reweighted)", sampled, weights),
                new WeightedSeries("reference (MD)", gaussian(200_000, 0.25, 0.038, 11), null)));
        PlotImages.assertRendered(distances, PlotStyle.WIDTH_PX, PlotStyle.HEIGHT_PX);
    }

    @Test
    void badInputIsRejectedWithTheSeriesName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WeightedSeries("rung 2", new double[3], new double[2]));
        assertEquals("series 'rung 2': 2 probabilities for 3 values", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new WeightedSeries("neg", new double[2], new double[] {1.5, -0.5}));
        assertThrows(IllegalArgumentException.class,
                () -> Histograms.energy(dir.resolve("e.png"), "t", "E", List.of()));
        assertThrows(IllegalArgumentException.class, () -> Histograms.energy(dir.resolve("e.png"), "t", "E",
                List.of(new WeightedSeries("a", new double[] {1}, null), new WeightedSeries("a", new double[] {2}, null))));
        assertThrows(IllegalArgumentException.class, () -> Histograms.energy(dir.resolve("e.png"), "t", "E",
                List.of(new WeightedSeries("nan", new double[] {Double.NaN}, null))));
    }
}
