package io.pitaj.activities.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContoursTest {
    private static final int N = 81;
    private static final double HALF_WIDTH = 2;

    private static double[][] squaredRadius() {
        double[][] v = new double[N][N];
        Interval axis = new Interval(-HALF_WIDTH, HALF_WIDTH);
        for (int j = 0; j < N; j++) {
            for (int i = 0; i < N; i++) {
                double x = axis.gridPoint(i, N);
                double y = axis.gridPoint(j, N);
                v[j][i] = x * x + y * y;
            }
        }
        return v;
    }

    @Test
    void aCircleComesOutAsACircle() {
        double r = 1.3;
        double spacing = 2 * HALF_WIDTH / (N - 1);
        List<double[]> segments = Contours.segments(-HALF_WIDTH, HALF_WIDTH, -HALF_WIDTH, HALF_WIDTH,
                squaredRadius(), r * r);
        assertTrue(segments.size() > 50, segments.size() + " segments");
        double length = 0;
        for (double[] s : segments) {
            assertEquals(r, Math.hypot(s[0], s[1]), spacing);
            assertEquals(r, Math.hypot(s[2], s[3]), spacing);
            length += Math.hypot(s[2] - s[0], s[3] - s[1]);
        }
        assertEquals(2 * Math.PI * r, length, 0.02 * 2 * Math.PI * r);
    }

    @Test
    void aLevelOutsideTheValuesHasNoSegments() {
        assertTrue(Contours.segments(-2, 2, -2, 2, squaredRadius(), -1).isEmpty());
        assertTrue(Contours.segments(-2, 2, -2, 2, squaredRadius(), 100).isEmpty());
    }

    @Test
    void aSaddleCellIsResolvedByItsCentre() {
        // corners (0,0) and (1,1) high, the others low
        double[][] joinedHigh = {{1, 0}, {0, 1}};
        double[][] joinedLow = {{0.6, 0}, {0, 0.6}};
        // centre 0.5 > 0.4: the high corners connect, so the segments cut off the low corners (1,0) and (0,1)
        for (double[] s : Contours.segments(0, 1, 0, 1, joinedHigh, 0.4)) {
            assertTrue(near(s, 1, 0) || near(s, 0, 1), "segment should cut off a low corner");
        }
        // centre 0.3 < 0.4: the low corners connect, so the segments cut off the high corners (0,0) and (1,1)
        for (double[] s : Contours.segments(0, 1, 0, 1, joinedLow, 0.4)) {
            assertTrue(near(s, 0, 0) || near(s, 1, 1), "segment should cut off a high corner");
        }
        assertEquals(2, Contours.segments(0, 1, 0, 1, joinedLow, 0.4).size());
    }

    // both ends within one cell width of the corner (cx, cy), i.e. on its two edges
    private static boolean near(double[] s, double cx, double cy) {
        return Math.abs(s[0] - cx) + Math.abs(s[1] - cy) < 1 && Math.abs(s[2] - cx) + Math.abs(s[3] - cy) < 1;
    }

    @Test
    void cellsWithNonFiniteCornersAreSkipped() {
        double[][] v = {{0, Double.NEGATIVE_INFINITY}, {1, 1}};
        assertTrue(Contours.segments(0, 1, 0, 1, v, 0.5).isEmpty());
    }

    @Test
    void badGridsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Contours.segments(0, 1, 0, 1, new double[][] {{1, 2}}, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Contours.segments(0, 1, 0, 1, new double[][] {{1, 2}, {3}}, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Contours.segments(1, 0, 0, 1, new double[][] {{1, 2}, {3, 4}}, 0));
    }
}
