package io.pitaj.activities.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.xy.XYDataset;

/**
 * The one look every report plot shares, so that plots of different runs, rungs and systems can be laid side by
 * side and compared by eye: fixed pixel sizes, one font family at fixed sizes, white background, light grid and a
 * fixed colour cycle in which the sample is always blue and the reference always near-black.
 *
 * <p>Every chart is made by {@link #chart}, and {@link JFreeChart}'s own static initialiser (through Swing's
 * {@code UIManager}) is the first code on that path to ask AWT whether there is a display, so the static initialiser
 * below has run by then and a worker with a stale {@code DISPLAY} never tries to open one.
 */
public final class PlotStyle {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Width of a single-panel plot. */
    public static final int WIDTH_PX = 900;
    /** Width of a plot with two panels side by side, each about as wide as a single-panel plot's data area. */
    public static final int WIDE_WIDTH_PX = 1400;
    /** Height of every plot. */
    public static final int HEIGHT_PX = 600;

    /** A logical font family: it exists on every JVM, so headless workers render the same glyphs as laptops. */
    static final String FONT_FAMILY = "SansSerif";
    static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 18);
    static final Font AXIS_LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 15);
    static final Font TICK_LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 13);
    static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 13);

    static final Color SAMPLE_COLOUR = new Color(0x1F77B4);
    static final Color REFERENCE_COLOUR = new Color(0x303030);
    private static final Color[] CYCLE = {
        SAMPLE_COLOUR, REFERENCE_COLOUR, new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
        new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x17BECF), new Color(0xBCBD22),
    };
    private static final Color GRID_COLOUR = new Color(0xDDDDDD);
    private static final Color MINOR_GRID_COLOUR = new Color(0xF0F0F0);
    private static final Color OUTLINE_COLOUR = new Color(0x999999);
    static final Stroke LINE_STROKE = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private PlotStyle() {}

    /**
     * The colour of the {@code index}-th series: 0 is the sample, 1 the reference, then distinct colours; the cycle
     * repeats after ten, by which point a plot has too many lines to read anyway.
     */
    static Color colour(int index) {
        return CYCLE[index % CYCLE.length];
    }

    /** A linear axis that, unlike JFreeChart's default, does not stretch to include zero. */
    static NumberAxis axis(String label) {
        NumberAxis axis = styled(new NumberAxis(label));
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    static LogAxis logAxis(String label) {
        return styled(new LogAxis(label));
    }

    private static <A extends ValueAxis> A styled(A axis) {
        axis.setLabelFont(AXIS_LABEL_FONT);
        axis.setTickLabelFont(TICK_LABEL_FONT);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
        return axis;
    }

    /** Lines without markers, one colour of the cycle per series in dataset order. */
    static XYLineAndShapeRenderer lines(int seriesCount) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < seriesCount; s++) {
            renderer.setSeriesPaint(s, colour(s));
            renderer.setSeriesStroke(s, LINE_STROKE);
        }
        return renderer;
    }

    /** An XY plot in the house look; {@code x} or {@code y} is null for a subplot whose shared axis its parent owns. */
    static XYPlot plot(XYDataset data, ValueAxis x, ValueAxis y, XYItemRenderer renderer) {
        return styled(new XYPlot(data, x, y, renderer));
    }

    static <P extends XYPlot> P styled(P plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(OUTLINE_COLOUR);
        plot.setDomainGridlinePaint(GRID_COLOUR);
        plot.setRangeGridlinePaint(GRID_COLOUR);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setRangeMinorGridlinePaint(MINOR_GRID_COLOUR);
        plot.setRangeMinorGridlineStroke(new BasicStroke(1f));
        return plot;
    }

    /** A chart around {@code plot} with the house title, legend and background. */
    static JFreeChart chart(String title, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        LegendTitle legendTitle = chart.getLegend();
        if (legendTitle != null) {
            legendTitle.setItemFont(LEGEND_FONT);
            legendTitle.setBackgroundPaint(Color.WHITE);
            legendTitle.setFrame(BlockBorder.NONE);
        }
        return chart;
    }

    /**
     * Writes {@code chart} as a {@code width × height} PNG, creating missing parent directories. The image goes to a
     * hidden sibling first and is renamed into place, so a report page or a watcher never sees half a PNG, and an
     * existing plot of the same name is replaced.
     *
     * @throws UncheckedIOException if the directory cannot be created or the file cannot be written; the message
     *                              names the file
     */
    public static void save(JFreeChart chart, int width, int height, Path png) {
        Path target = png.toAbsolutePath();
        // Not Files.createTempFile: it creates files readable by the owner only, and the rename would keep that mode.
        Path temp = target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW)) {
                ChartUtils.writeChartAsPNG(out, chart, width, height);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(png + ": cannot write the plot: " + e, e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the plot itself is in place or its failure is already being reported; a stray hidden file is not
            }
        }
    }
}
