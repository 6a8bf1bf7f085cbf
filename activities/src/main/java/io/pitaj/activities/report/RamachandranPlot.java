package io.pitaj.activities.report;

import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Ramachandran free-energy maps: the samples' (φ, ψ) map beside the reference's, sharing the ψ axis and one colour
 * scale, so that a missing or misweighted basin shows at a glance. Free energy rather than density, because the
 * basins that matter differ in population by orders of magnitude.
 */
public final class RamachandranPlot {
    /** The top of the colour scale, a bin e⁻⁸ ≈ 1/3000 as populated as the top one; rarer bins take the top colour. */
    static final double F_MAX_KT = 8;
    private static final double DEGREES_PER_BIN = 360.0 / FreeEnergyMap.BINS;

    private RamachandranPlot() {}

    /**
     * Writes the map(s) of interleaved {@code (φ, ψ)} pairs in radians ({@code φ0, ψ0, φ1, ψ1, …}), each set with
     * its normalised probabilities (null for uniform). Without a reference the plot is a single panel.
     *
     * @throws IllegalArgumentException if an array of pairs has an odd length, probabilities do not fit their
     *                                  pairs, or reference probabilities come without reference pairs
     */
    public static void render(Path png, String title, double[] phiPsiSamples, double[] pSamples,
                              double[] phiPsiReference, double[] pReference) {
        Objects.requireNonNull(phiPsiSamples, "phiPsiSamples");
        if (phiPsiReference == null && pReference != null) {
            throw new IllegalArgumentException("pReference given without phiPsiReference");
        }
        List<String> names = new ArrayList<>(List.of("samples"));
        List<double[][]> masses = new ArrayList<>();
        masses.add(FreeEnergyMap.mass("phiPsiSamples", phiPsiSamples, pSamples));
        if (phiPsiReference != null) {
            names.add("reference");
            masses.add(FreeEnergyMap.mass("phiPsiReference", phiPsiReference, pReference));
        }
        List<double[][]> energies = FreeEnergyMap.shiftedFreeEnergies(masses);

        CombinedRangeXYPlot plot = PlotStyle.styled(new CombinedRangeXYPlot(degrees("ψ (degrees)")));
        plot.setGap(48);  // room between the panels' 180 and −180 tick labels
        FreeEnergyPaintScale scale = new FreeEnergyPaintScale(F_MAX_KT);
        for (int m = 0; m < energies.size(); m++) plot.add(panel(names.get(m), energies.get(m), scale));

        JFreeChart chart = PlotStyle.chart(title, plot, false);
        chart.addSubtitle(legend(scale));
        int width = energies.size() > 1 ? PlotStyle.WIDE_WIDTH_PX : PlotStyle.WIDTH_PX;
        PlotStyle.save(chart, width, PlotStyle.HEIGHT_PX, png);
    }

    private static XYPlot panel(String name, double[][] freeEnergy, FreeEnergyPaintScale scale) {
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(DEGREES_PER_BIN);
        renderer.setBlockHeight(DEGREES_PER_BIN);
        renderer.setBlockAnchor(RectangleAnchor.CENTER);
        renderer.setPaintScale(scale);
        XYPlot panel = PlotStyle.plot(dataset(freeEnergy), degrees("φ (degrees)"), null, renderer);
        // The panel's name as the label of a bare axis above it: a title that lines up with its panel whatever the
        // width of the tick labels beside it, which a chart subtitle would not.
        NumberAxis heading = PlotStyle.axis(name);
        heading.setLabelFont(PlotStyle.AXIS_LABEL_FONT.deriveFont(Font.BOLD));
        heading.setTickLabelsVisible(false);
        heading.setTickMarksVisible(false);
        heading.setAxisLineVisible(false);
        panel.setDomainAxis(1, heading);
        panel.setDomainAxisLocation(1, AxisLocation.TOP_OR_LEFT);
        return panel;
    }

    // Only the occupied bins, so that the plot background shows through the empty ones.
    private static DefaultXYZDataset dataset(double[][] freeEnergy) {
        int occupied = 0;
        for (double[] row : freeEnergy) {
            for (double f : row) if (!Double.isNaN(f)) occupied++;
        }
        double[][] xyz = new double[3][occupied];
        int k = 0;
        for (int i = 0; i < FreeEnergyMap.BINS; i++) {
            for (int j = 0; j < FreeEnergyMap.BINS; j++) {
                if (Double.isNaN(freeEnergy[i][j])) continue;
                xyz[0][k] = FreeEnergyMap.centreDegrees(i);
                xyz[1][k] = FreeEnergyMap.centreDegrees(j);
                xyz[2][k] = freeEnergy[i][j];
                k++;
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("free energy", xyz);
        return data;
    }

    private static NumberAxis degrees(String label) {
        NumberAxis axis = PlotStyle.axis(label);
        axis.setRange(-180, 180);
        axis.setTickUnit(new NumberTickUnit(60));
        return axis;
    }

    private static PaintScaleLegend legend(FreeEnergyPaintScale scale) {
        NumberAxis axis = PlotStyle.axis("free energy (k_B T)");
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        axis.setTickUnit(new NumberTickUnit(1));
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setSubdivisionCount(256);
        legend.setStripWidth(16);
        legend.setMargin(new RectangleInsets(40, 12, 40, 8));
        legend.setBackgroundPaint(Color.WHITE);
        return legend;
    }
}
