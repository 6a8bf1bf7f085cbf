package io.pitaj.models.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AssignmentTest {
    private static double bruteForce(double[][] c, int row, boolean[] used) {
        if (row == c.length) return 0;
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < c.length; j++) {
            if (used[j]) continue;
            used[j] = true;
            best = Math.min(best, c[row][j] + bruteForce(c, row + 1, used));
            used[j] = false;
        }
        return best;
    }

    @Test
    void matchesBruteForceOnTinyProblems() {
        SplittableRandom r = new SplittableRandom(9);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(7);
            double[][] c = new double[n][n];
            for (double[] row : c) for (int j = 0; j < n; j++) row[j] = trial % 3 == 0 ? r.nextInt(4) : r.nextDouble(-2, 5);
            int[] match = Assignment.solve(c);
            boolean[] seen = new boolean[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                seen[match[i]] = true;
                total += c[i][match[i]];
            }
            for (boolean s : seen) assertEquals(true, s, "a permutation");
            assertEquals(bruteForce(c, 0, new boolean[n]), total, 1e-9, "trial " + trial);
        }
    }

    @Test
    void handExample() {
        double[][] c = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        // the optimum 1 + 2 + 2 = 5: row 0 → 1, row 1 → 0, row 2 → 2
        assertArrayEquals(new int[] {1, 0, 2}, Assignment.solve(c));
    }
}
