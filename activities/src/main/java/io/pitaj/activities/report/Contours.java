package io.pitaj.activities.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Contour lines of a function sampled on a regular grid, by marching squares: a plot can then draw an exact
 * density's level sets under the samples without a contouring library.
 */
public final class Contours {
    private Contours() {}

    /**
     * The segments of the contour {@code values = level}, each {@code {x_a, y_a, x_b, y_b}}, with their ends placed
     * on the cell edges by linear interpolation. {@code values[j][i]} is the value at
     * {@code x = x0 + i (x1 − x0) / (nx − 1)}, {@code y = y0 + j (y1 − y0) / (ny − 1)}. A value counts as inside
     * when it exceeds the level. Cells with a non-finite corner have no segment (interpolating towards −∞ has no
     * meaning), and in a saddle cell, whose two diagonals lie on opposite sides, the average of the four corners
     * decides which diagonal the inside connects along, so the lines never cross.
     *
     * @throws IllegalArgumentException if the grid is smaller than 2 × 2, ragged, or {@code x0 ≥ x1} or
     *                                  {@code y0 ≥ y1}
     */
    public static List<double[]> segments(double x0, double x1, double y0, double y1, double[][] values,
                                          double level) {
        int ny = values.length;
        int nx = ny == 0 ? 0 : values[0].length;
        if (nx < 2 || ny < 2) throw new IllegalArgumentException("a contour grid needs at least 2 × 2 values");
        for (double[] row : values) {
            if (row.length != nx) throw new IllegalArgumentException("ragged contour grid: rows of " + nx + " and "
                    + row.length + " values");
        }
        Interval x = new Interval(x0, x1);
        Interval y = new Interval(y0, y1);
        List<double[]> segments = new ArrayList<>();
        for (int j = 0; j + 1 < ny; j++) {
            for (int i = 0; i + 1 < nx; i++) {
                cell(x.gridPoint(i, nx), x.gridPoint(i + 1, nx), y.gridPoint(j, ny), y.gridPoint(j + 1, ny),
                        values[j][i], values[j][i + 1], values[j + 1][i + 1], values[j + 1][i], level, segments);
            }
        }
        return segments;
    }

    // Corners counter-clockwise from the bottom left: a (xa, ya), b (xb, ya), c (xb, yb), d (xa, yb).
    private static void cell(double xa, double xb, double ya, double yb, double a, double b, double c, double d,
                             double level, List<double[]> out) {
        if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d))) return;
        boolean inA = a > level;
        boolean inB = b > level;
        boolean inC = c > level;
        boolean inD = d > level;
        // where the contour crosses each edge, or null: bottom a–b, right b–c, top d–c, left a–d
        double[] bottom = inA == inB ? null : new double[] {lerp(xa, xb, a, b, level), ya};
        double[] right = inB == inC ? null : new double[] {xb, lerp(ya, yb, b, c, level)};
        double[] top = inD == inC ? null : new double[] {lerp(xa, xb, d, c, level), yb};
        double[] left = inA == inD ? null : new double[] {xa, lerp(ya, yb, a, d, level)};
        if (bottom != null && right != null && top != null && left != null) {
            boolean centreIn = (a + b + c + d) / 4 > level;
            if (centreIn == inA) {  // a and c are joined through the centre: cut off corners b and d
                out.add(segment(bottom, right));
                out.add(segment(top, left));
            } else {                // b and d are joined: cut off corners a and c
                out.add(segment(left, bottom));
                out.add(segment(right, top));
            }
            return;
        }
        double[] first = null;
        for (double[] p : new double[][] {bottom, right, top, left}) {
            if (p == null) continue;
            if (first == null) first = p;
            else out.add(segment(first, p));
        }
    }

    // The position between p (value u) and q (value v) where the value is `level`; u and v lie on its two sides.
    private static double lerp(double p, double q, double u, double v, double level) {
        return p + (q - p) * (level - u) / (v - u);
    }

    private static double[] segment(double[] from, double[] to) {
        return new double[] {from[0], from[1], to[0], to[1]};
    }
}
