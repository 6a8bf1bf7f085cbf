package io.pitaj.activities.report;

import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Weighted density histograms of one scalar per sample, several series on shared bins, drawn as step outlines so
 * that overlapping series stay visible (filled bars would hide each other).
 *
 * <p>Colours follow {@link PlotStyle#colour(int)} in list order: pass the sample (or the last rung) first and the
 * reference second, so that they are blue and near-black on every report.
 */
public final class Histograms {
    /** Enough bins to show a basin's shape at a few thousand samples without turning a sample's noise into spikes. */
    static final int DEFAULT_BINS = 60;

    private Histograms() {}

    /**
     * Energies of several rungs and the reference.
     *
     * @param energyAxisLabel the quantity and its unit, e.g. {@code "energy E / k_B T"}
     * @throws IllegalArgumentException if {@code series} is empty or holds no finite value
     */
    public static void energy(Path png, String title, String energyAxisLabel, List<WeightedSeries> series) {
        render(png, title, energyAxisLabel, series);
    }

    /**
     * Interatomic distances: each series pools every sample's pair distances, and a distance carries its sample's
     * probability divided by the number of pairs, so a series still sums to 1.
     *
     * @param distanceAxisLabel the quantity and its unit, e.g. {@code "interatomic distance r (nm)"}
     * @throws IllegalArgumentException if {@code series} is empty or holds no finite value
     */
    public static void distances(Path png, String title, String distanceAxisLabel, List<WeightedSeries> series) {
        render(png, title, distanceAxisLabel, series);
    }

    private static void render(Path png, String title, String valueAxisLabel, List<WeightedSeries> series) {
        if (series.isEmpty()) throw new IllegalArgumentException(title + ": no series to histogram");
        // the dataset keys series by name: a second series of the same name would silently replace the first
        if (series.stream().map(WeightedSeries::name).distinct().count() < series.size()) {
            throw new IllegalArgumentException(title + ": two series share a name; the legend could not tell them apart");
        }
        NumberAxis x = PlotStyle.axis(valueAxisLabel);
        NumberAxis y = PlotStyle.axis("probability density");
        y.setAutoRangeIncludesZero(true);
        Interval range = WeightedHistogram.sharedRange(series, WeightedHistogram.LOWER_QUANTILE,
                WeightedHistogram.UPPER_QUANTILE);
        x.setRange(range.lo(), range.hi());
        DefaultXYDataset data = new DefaultXYDataset();
        for (WeightedSeries s : series) {
            data.addSeries(s.name(), outline(range, WeightedHistogram.density(s, range, DEFAULT_BINS)));
        }
        XYPlot plot = PlotStyle.plot(data, x, y, PlotStyle.lines(series.size()));
        JFreeChart chart = PlotStyle.chart(title, plot, series.size() > 1);
        PlotStyle.save(chart, PlotStyle.WIDTH_PX, PlotStyle.HEIGHT_PX, png);
    }

    // The histogram's outline: up from zero at the first edge, across each bin at its height, down to zero at the
    // last edge.
    private static double[][] outline(Interval range, double[] density) {
        int bins = density.length;
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        x[0] = range.lo();
        for (int b = 0; b < bins; b++) {
            x[2 * b + 1] = range.gridPoint(b, bins + 1);
            x[2 * b + 2] = range.gridPoint(b + 1, bins + 1);
            y[2 * b + 1] = density[b];
            y[2 * b + 2] = density[b];
        }
        x[2 * bins + 1] = range.hi();
        return new double[][] {x, y};
    }
}
