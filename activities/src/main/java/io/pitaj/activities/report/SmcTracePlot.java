package io.pitaj.activities.report;

import java.nio.file.Path;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The health of one sequential Monte Carlo run: the effective sample size shows where the particles degenerated
 * (and resampling fired), and the running log-normaliser shows whether the estimate settled. Stacked on one step
 * axis so that a collapse in one lines up with a jump in the other.
 */
public final class SmcTracePlot {
    private SmcTracePlot() {}

    /**
     * Writes the traces, indexed by SMC step from 0. An empty trace's panel is left out.
     *
     * @param essFraction   effective sample size over the particle count after each step, in [0, 1]
     * @param logNormaliser the running estimate of ln Z after each step
     * @throws IllegalArgumentException if both traces are empty
     */
    public static void render(Path png, String title, double[] essFraction, double[] logNormaliser) {
        Objects.requireNonNull(essFraction, "essFraction");
        Objects.requireNonNull(logNormaliser, "logNormaliser");
        if (essFraction.length == 0 && logNormaliser.length == 0) {
            throw new IllegalArgumentException("SMC trace: essFraction and logNormaliser are both empty;"
                    + " there is nothing to plot");
        }
        NumberAxis step = PlotStyle.axis("SMC step");
        step.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = PlotStyle.styled(new CombinedDomainXYPlot(step));
        plot.setGap(16);
        if (essFraction.length > 0) {
            NumberAxis ess = PlotStyle.axis("ESS / N");
            ess.setRange(0, 1.05);
            plot.add(panel("ESS / N", essFraction, ess));
        }
        if (logNormaliser.length > 0) {
            plot.add(panel("log Ẑ", logNormaliser, PlotStyle.axis("log Ẑ")));
        }
        JFreeChart chart = PlotStyle.chart(title, plot, false);
        PlotStyle.save(chart, PlotStyle.WIDTH_PX, PlotStyle.HEIGHT_PX, png);
    }

    private static XYPlot panel(String name, double[] trace, NumberAxis axis) {
        double[][] xy = new double[2][trace.length];
        for (int i = 0; i < trace.length; i++) {
            xy[0][i] = i;
            xy[1][i] = Double.isFinite(trace[i]) ? trace[i] : Double.NaN;
        }
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries(name, xy);
        return PlotStyle.plot(data, null, axis, PlotStyle.lines(1));
    }
}
