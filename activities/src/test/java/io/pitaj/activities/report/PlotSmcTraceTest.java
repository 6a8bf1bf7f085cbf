package io.pitaj.activities.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotSmcTraceTest {
    @TempDir
    Path dir;

    /** ESS decaying between resamplings every ~15 steps, and a log Ẑ that climbs and settles. */
    private static double[][] traces(int steps) {
        double[] ess = new double[steps];
        double[] logZ = new double[steps];
        double current = 1;
        for (int t = 0; t < steps; t++) {
            current *= 0.93;
            if (current < 0.4) current = 1;
            ess[t] = current;
            logZ[t] = -35 * (1 - Math.exp(-t / 20.0)) + 0.3 * Math.sin(t);
        }
        return new double[][] {ess, logZ};
    }

    @Test
    void bothPanelsRender() throws IOException {
        double[][] t = traces(120);
        Path png = PlotImages.target(dir, "smc-trace");
        SmcTracePlot.render(png, "GMM-40 rung 2: SMC", t[0], t[1]);
        PlotImages.assertRendered(png, PlotStyle.WIDTH_PX, PlotStyle.HEIGHT_PX);
    }

    @Test
    void anEmptyTraceLeavesItsPanelOut() throws IOException {
        Path png = PlotImages.target(dir, "smc-trace-ess-only");
        SmcTracePlot.render(png, "GMM-40 rung 2: SMC", traces(60)[0], new double[0]);
        PlotImages.assertRendered(png, PlotStyle.WIDTH_PX, PlotStyle.HEIGHT_PX);
    }

    @Test
    void twoEmptyTracesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SmcTracePlot.render(dir.resolve("t.png"), "t", new double[0], new double[0]));
        assertEquals("SMC trace: essFraction and logNormaliser are both empty; there is nothing to plot",
                e.getMessage());
    }
}
