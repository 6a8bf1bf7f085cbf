package io.pitaj.activities.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotTrainingLossTest {
    @TempDir
    Path dir;

    private static final int RECORDS = 200;

    private static long[] steps() {
        long[] steps = new long[RECORDS];
        for (int i = 0; i < RECORDS; i++) steps[i] = 50L * i;
        return steps;
    }

    private static double[] decaying(double start, double end, double noise, long phase) {
        double[] v = new double[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            v[i] = end + (start - end) * Math.exp(-i / 25.0) * (1 + noise * Math.sin(i * 1.7 + phase));
        }
        return v;
    }

    @Test
    void positiveLossesRenderOnALogAxis() throws IOException {
        SortedMap<String, double[]> terms = new TreeMap<>();
        double[] score = decaying(40, 0.8, 0.3, 1);
        double[] energy = decaying(5, 0.05, 0.5, 2);
        double[] total = new double[RECORDS];
        for (int i = 0; i < RECORDS; i++) total[i] = score[i] + energy[i];
        terms.put("denoising score", score);
        terms.put("energy matching", energy);
        terms.put("total", total);
        Path png = PlotImages.target(dir, "training-loss");
        TrainingLossPlot.render(png, "GMM-40: training loss", steps(), terms);
        PlotImages.assertRendered(png, PlotStyle.WIDTH_PX, PlotStyle.HEIGHT_PX);
    }

    @Test
    void aLossWithinOneDecadeRendersOnALinearAxis() throws IOException {
        SortedMap<String, double[]> terms = new TreeMap<>();
        terms.put("denoising score", decaying(0.9, 0.3, 0.05, 4));
        Path png = PlotImages.target(dir, "training-loss-narrow");
        TrainingLossPlot.render(png, "GMM-40: fine-tuning loss", steps(), terms);
        PlotImages.assertRendered(png, PlotStyle.WIDTH_PX, PlotStyle.HEIGHT_PX);
    }

    @Test
    void aNegativeTermRendersOnALinearAxis() throws IOException {
        SortedMap<String, double[]> terms = new TreeMap<>();
        double[] nll = decaying(3, -2.5, 0.2, 3);
        nll[40] = Double.NaN;
        terms.put("negative log-likelihood", nll);
        Path png = PlotImages.target(dir, "training-loss-linear");
        TrainingLossPlot.render(png, "DW-4: training loss", steps(), terms);
        PlotImages.assertRendered(png, PlotStyle.WIDTH_PX, PlotStyle.HEIGHT_PX);
    }

    @Test
    void badInputIsRejected() {
        Path png = dir.resolve("l.png");
        SortedMap<String, double[]> terms = new TreeMap<>();
        assertThrows(IllegalArgumentException.class, () -> TrainingLossPlot.render(png, "t", steps(), terms));
        terms.put("score", new double[RECORDS - 1]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingLossPlot.render(png, "t", steps(), terms));
        assertEquals("loss term 'score': 199 values for 200 steps", e.getMessage());
    }
}
