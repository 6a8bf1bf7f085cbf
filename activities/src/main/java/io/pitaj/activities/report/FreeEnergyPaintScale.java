package io.pitaj.activities.report;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * A colour scale for free energies from 0 to a fixed ceiling, the same on every map so that two reports' maps
 * compare. Dark for low F (the basins) to bright for high F, after matplotlib's viridis, which stays ordered in
 * lightness and for colour-blind readers. Values above the ceiling take the top colour instead of vanishing.
 */
final class FreeEnergyPaintScale implements PaintScale {
    private static final Color[] STOPS = {
        new Color(0x440154), new Color(0x482878), new Color(0x3E4989), new Color(0x31688E), new Color(0x26828E),
        new Color(0x1F9E89), new Color(0x35B779), new Color(0x6ECE58), new Color(0xB5DE2B), new Color(0xFDE725),
    };

    private final double upper;

    FreeEnergyPaintScale(double upper) {
        this.upper = upper;
    }

    @Override
    public double getLowerBound() {
        return 0;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        double t = Math.max(0, Math.min(1, value / upper)) * (STOPS.length - 1);
        int i = Math.min((int) t, STOPS.length - 2);
        return mix(STOPS[i], STOPS[i + 1], t - i);
    }

    private static Color mix(Color a, Color b, double f) {
        return new Color(
                (int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }
}
