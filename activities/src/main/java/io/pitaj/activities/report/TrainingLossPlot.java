package io.pitaj.activities.report;

import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.Map;
import java.util.SortedMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The loss terms of a training run against the training step. Logarithmic when every value is positive and they
 * span a decade or more, because a diffusion loss falls by orders of magnitude and a linear axis would flatten
 * everything after the first few hundred steps.
 */
public final class TrainingLossPlot {
    /**
     * Below one decade a log axis has at most two labelled ticks and a linear one reads better; the orders of
     * magnitude the log axis is for are not there.
     */
    static final double MIN_LOG_RATIO = 10;
    private static final int MAX_DECADE_LABELS = 12;

    private TrainingLossPlot() {}

    /**
     * Writes one line per loss term, in the map's order. Non-finite values (a diverged step) break their line.
     *
     * @param steps       the training step of each recorded value
     * @param termsByName each term's values, one per step; the caller adds a {@code "total"} if it wants one
     * @throws IllegalArgumentException if there is no term, or a term's length differs from that of {@code steps}
     */
    public static void render(Path png, String title, long[] steps, SortedMap<String, double[]> termsByName) {
        if (termsByName.isEmpty()) throw new IllegalArgumentException("training loss: no loss terms to plot");
        DefaultXYDataset data = new DefaultXYDataset();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, double[]> term : termsByName.entrySet()) {
            double[] values = term.getValue();
            if (values.length != steps.length) {
                throw new IllegalArgumentException("loss term '" + term.getKey() + "': " + values.length
                        + " values for " + steps.length + " steps");
            }
            double[][] xy = new double[2][steps.length];
            for (int i = 0; i < steps.length; i++) {
                xy[0][i] = steps[i];
                xy[1][i] = Double.isFinite(values[i]) ? values[i] : Double.NaN;
                if (Double.isFinite(values[i])) {
                    min = Math.min(min, values[i]);
                    max = Math.max(max, values[i]);
                }
            }
            data.addSeries(term.getKey(), xy);
        }
        boolean logarithmic = min <= max && min > 0 && max >= MIN_LOG_RATIO * min;
        ValueAxis loss = logarithmic ? decades(min, max) : PlotStyle.axis("loss");
        XYPlot plot = PlotStyle.plot(data, PlotStyle.axis("training step"), loss, PlotStyle.lines(termsByName.size()));
        plot.setRangeMinorGridlinesVisible(logarithmic);
        JFreeChart chart = PlotStyle.chart(title, plot, termsByName.size() > 1);
        PlotStyle.save(chart, PlotStyle.WIDTH_PX, PlotStyle.HEIGHT_PX, png);
    }

    // Whole decades, one labelled 10ⁿ per decade (fewer past a dozen decades, where the labels would collide) with
    // minor gridlines at 2…9 × 10ⁿ. JFreeChart left to itself labels fractional exponents (10^1.8), and drops the
    // bottom tick when log10 of the bound rounds to just above an integer, hence the bounds a hair outside.
    private static LogAxis decades(double min, double max) {
        LogAxis axis = PlotStyle.logAxis("loss (log scale)");
        double low = Math.floor(Math.log10(min));
        double high = Math.max(Math.ceil(Math.log10(max)), low + 1);
        int step = (int) Math.max(1, Math.ceil((high - low) / MAX_DECADE_LABELS));
        axis.setTickUnit(new NumberTickUnit(step, new DecimalFormat("0"), step == 1 ? 9 : 0));
        axis.setMinorTickMarksVisible(true);
        axis.setRange(Math.pow(10, low) * (1 - 1e-9), Math.pow(10, high) * (1 + 1e-9));
        return axis;
    }
}
