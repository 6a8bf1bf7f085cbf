package io.pitaj.activities.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotScatterTest {
    @TempDir
    Path dir;

    private static final double[][] MEANS = {{-4, -4}, {-4, 4}, {4, -4}, {4, 4}};
    private static final double[] SDS = {0.8, 1.2, 1.0, 0.6};

    /** ln of an equal-weight mixture of four isotropic Gaussians, unnormalised. */
    private static final DoubleBinaryOperator MIXTURE = (x, y) -> {
        double sum = 0;
        for (int k = 0; k < MEANS.length; k++) {
            double dx = x - MEANS[k][0];
            double dy = y - MEANS[k][1];
            sum += Math.exp(-(dx * dx + dy * dy) / (2 * SDS[k] * SDS[k])) / (SDS[k] * SDS[k]);
        }
        return Math.log(sum);
    };

    private static double[] mixtureSamples(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int k = random.nextInt(MEANS.length);
            for (int c = 0; c < 2; c++) {
                double z = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
                xy[2 * i + c] = MEANS[k][c] + SDS[k] * z;
            }
        }
        return xy;
    }

    @Test
    void weightedSamplesOverTheExactContoursRender() throws IOException {
        double[] xy = mixtureSamples(20_000, 1);
        double[] p = new double[xy.length / 2];
        SplittableRandom random = new SplittableRandom(2);
        double sum = 0;
        for (int i = 0; i < p.length; i++) sum += p[i] = random.nextDouble();
        for (int i = 0; i < p.length; i++) p[i] /= sum;
        Path png = PlotImages.target(dir, "scatter-gmm");
        ScatterPlot.render(png, "GMM-4: reweighted samples", xy, p, MIXTURE, "x₁ (reduced)", "x₂ (reduced)");
        PlotImages.assertRendered(png, PlotStyle.WIDTH_PX, PlotStyle.HEIGHT_PX);
    }

    @Test
    void unweightedSamplesWithoutContoursRender() throws IOException {
        Path png = PlotImages.target(dir, "scatter-plain");
        ScatterPlot.render(png, "GMM-4: samples", mixtureSamples(3000, 3), null, null, "x₁ (reduced)", "x₂ (reduced)");
        PlotImages.assertRendered(png, PlotStyle.WIDTH_PX, PlotStyle.HEIGHT_PX);
    }

    @Test
    void systematicResamplingDrawsEveryPointOnceUnderUniformWeightsAndFollowsTheWeightsOtherwise() {
        double[] uniform = {1, 1, 1, 1, 1};
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, SystematicResampling.draw(uniform, 5, 7));
        int[] drawn = SystematicResampling.draw(new double[] {0, 3, 0, 1}, 8, 7);
        assertEquals(6, Arrays.stream(drawn).filter(i -> i == 1).count());
        assertEquals(2, Arrays.stream(drawn).filter(i -> i == 3).count());
    }

    @Test
    void badInputIsRejected() {
        Path png = dir.resolve("s.png");
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                () -> ScatterPlot.render(png, "t", new double[5], null, null, "x", "y"));
        assertEquals("xy: 5 numbers cannot be interleaved 2-D points (the length must be even)", odd.getMessage());
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> ScatterPlot.render(png, "t", new double[4], new double[3], null, "x", "y"));
        assertEquals("xy: 3 probabilities for 2 points", mismatch.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ScatterPlot.render(png, "t", new double[] {Double.NaN, 0}, null, null, "x", "y"));
    }
}
