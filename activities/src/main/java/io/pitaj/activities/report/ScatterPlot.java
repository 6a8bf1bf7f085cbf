package io.pitaj.activities.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * 2-D samples over the contours of the exact density they should follow: for the analytic targets (Gaussian
 * mixtures, double wells) this is the most direct picture of a missing mode or a misplaced one.
 */
public final class ScatterPlot {
    /** More dots than this merge into blobs at 900 × 600 and only slow the drawing. */
    static final int MAX_POINTS = 5_000;
    /** The fixed seed of the weighted draw, so that a report redrawn from the same data looks the same. */
    private static final long DRAW_SEED = 20240601L;
    /** ln-density drops below the maximum: the 1σ, 2σ, 3σ and 4σ contours of a Gaussian. */
    private static final double[] LEVEL_DROPS = {0.5, 2, 4.5, 8};
    /** Innermost contour darkest, so the levels read in order without a key for each. */
    private static final Color[] LEVEL_COLOURS = {
        new Color(0x7F0000), new Color(0xC62828), new Color(0xEF6C00), new Color(0xF9A825),
    };
    private static final int GRID = 200;
    private static final double PADDING = 0.10;
    private static final Color DOT_COLOUR = new Color(PlotStyle.SAMPLE_COLOUR.getRGB() & 0xFFFFFF | 0x60 << 24, true);
    private static final double DOT_PX = 3.5;
    private static final BasicStroke CONTOUR_STROKE = new BasicStroke(1.6f);

    private ScatterPlot() {}

    /**
     * Writes the interleaved points {@code xy} ({@code x0, y0, x1, y1, …}) with their normalised probabilities
     * ({@code p}, null for uniform) over the contours of {@code logDensity} (unnormalised ln-density; null for none).
     * At most {@value #MAX_POINTS} points are drawn, chosen by systematic resampling by weight; with uniform weights
     * and fewer points than that this draws every point once. Points with a non-finite coordinate are left out.
     *
     * @throws IllegalArgumentException if {@code xy} has an odd length, {@code p} does not fit it, or no point has
     *                                  finite coordinates and positive probability
     */
    public static void render(Path png, String title, double[] xy, double[] p, DoubleBinaryOperator logDensity,
                              String xLabel, String yLabel) {
        double[] drawn = drawnPoints(xy, p);
        NumberAxis xAxis = PlotStyle.axis(xLabel);
        NumberAxis yAxis = PlotStyle.axis(yLabel);
        Interval x = Interval.ofFinite(drawn, 0, 2).padded(PADDING);
        Interval y = Interval.ofFinite(drawn, 1, 2).padded(PADDING);
        xAxis.setRange(x.lo(), x.hi());
        yAxis.setRange(y.lo(), y.hi());

        DefaultXYDataset points = new DefaultXYDataset();
        points.addSeries("samples", deinterleave(drawn));
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setSeriesShape(0, dot(DOT_PX));
        dots.setSeriesPaint(0, DOT_COLOUR);
        dots.setDrawOutlines(false);
        XYPlot plot = PlotStyle.plot(points, xAxis, yAxis, dots);

        boolean contours = logDensity != null;
        if (contours) {
            plot.setDataset(1, contours(x, y, logDensity));
            plot.setRenderer(1, contourRenderer());
            // contours over the dots: the dots are translucent, the lines are not
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
            plot.setFixedLegendItems(legend());
        }
        JFreeChart chart = PlotStyle.chart(title, plot, contours);
        PlotStyle.save(chart, PlotStyle.WIDTH_PX, PlotStyle.HEIGHT_PX, png);
    }

    private static double[] drawnPoints(double[] xy, double[] p) {
        int count = Probabilities.pairCount("xy", xy, p);
        int[] finite = new int[count];
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (Double.isFinite(xy[2 * i]) && Double.isFinite(xy[2 * i + 1])) finite[kept++] = i;
        }
        if (kept == 0) throw new IllegalArgumentException("xy: no point has finite coordinates");
        double[] weights = new double[kept];
        for (int k = 0; k < kept; k++) weights[k] = Probabilities.of(p, finite[k], count);
        int[] draws = SystematicResampling.draw(weights, Math.min(kept, MAX_POINTS), DRAW_SEED);
        double[] drawn = new double[2 * draws.length];
        for (int k = 0; k < draws.length; k++) {
            int i = finite[draws[k]];
            drawn[2 * k] = xy[2 * i];
            drawn[2 * k + 1] = xy[2 * i + 1];
        }
        return drawn;
    }

    // One series per level; a NaN point after each segment breaks the line there (JFreeChart's line renderer skips
    // any segment with a NaN end), so thousands of segments make one series rather than thousands.
    private static DefaultXYDataset contours(Interval x, Interval y, DoubleBinaryOperator logDensity) {
        double[][] values = new double[GRID][GRID];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < GRID; j++) {
            for (int i = 0; i < GRID; i++) {
                values[j][i] = logDensity.applyAsDouble(x.gridPoint(i, GRID), y.gridPoint(j, GRID));
                if (Double.isFinite(values[j][i])) max = Math.max(max, values[j][i]);
            }
        }
        DefaultXYDataset data = new DefaultXYDataset();
        for (int l = 0; l < LEVEL_DROPS.length && max > Double.NEGATIVE_INFINITY; l++) {
            List<double[]> segments = Contours.segments(x.lo(), x.hi(), y.lo(), y.hi(), values, max - LEVEL_DROPS[l]);
            double[][] line = new double[2][3 * segments.size()];
            for (int s = 0; s < segments.size(); s++) {
                double[] seg = segments.get(s);
                line[0][3 * s] = seg[0];
                line[1][3 * s] = seg[1];
                line[0][3 * s + 1] = seg[2];
                line[1][3 * s + 1] = seg[3];
                line[0][3 * s + 2] = Double.NaN;
                line[1][3 * s + 2] = Double.NaN;
            }
            data.addSeries("ln p = max − " + LEVEL_DROPS[l], line);
        }
        return data;
    }

    private static XYLineAndShapeRenderer contourRenderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int l = 0; l < LEVEL_COLOURS.length; l++) {
            renderer.setSeriesPaint(l, LEVEL_COLOURS[l]);
            renderer.setSeriesStroke(l, CONTOUR_STROKE);
        }
        return renderer;
    }

    // Two entries rather than one per level: the levels are one idea, and their colours say which is inner.
    private static LegendItemCollection legend() {
        LegendItemCollection items = new LegendItemCollection();
        items.add(new LegendItem("samples", null, null, null, dot(8), PlotStyle.SAMPLE_COLOUR));
        items.add(new LegendItem("exact density contours", null, null, null, new Line2D.Double(-10, 0, 10, 0),
                new BasicStroke(2.5f), LEVEL_COLOURS[1]));
        return items;
    }

    private static Shape dot(double diameter) {
        return new Ellipse2D.Double(-diameter / 2, -diameter / 2, diameter, diameter);
    }

    private static double[][] deinterleave(double[] xy) {
        double[][] columns = new double[2][xy.length / 2];
        for (int i = 0; i < xy.length / 2; i++) {
            columns[0][i] = xy[2 * i];
            columns[1][i] = xy[2 * i + 1];
        }
        return columns;
    }
}
