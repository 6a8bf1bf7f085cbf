package io.pitaj.models.metrics;

import java.util.Arrays;

/**
 * The exact linear assignment problem: the permutation σ minimising Σᵢ cost[i][σ(i)] for a square cost matrix, by
 * the Hungarian algorithm with potentials (shortest augmenting paths, O(n³) time, O(n²) memory for the matrix the
 * caller holds). Between two equal-size sets with uniform weights, optimal transport is an assignment, so this is
 * exact OT for the sample metrics.
 */
public final class Assignment {
    /** Above this size the O(n³) solve takes too long to be a routine metric (measured: 0.19 s for n = 1000, 1.15 s for n = 2000). */
    public static final int MAX_SIZE = 2000;

    private Assignment() {}

    /** For each row i the column assigned to it. */
    public static int[] solve(double[][] cost) {
        int n = cost.length;
        if (n == 0) return new int[0];
        if (n > MAX_SIZE) throw new IllegalArgumentException("assignment of " + n + " > " + MAX_SIZE + " points; subsample first");
        for (double[] row : cost) {
            if (row.length != n) throw new IllegalArgumentException("the cost matrix must be square");
            for (double c : row) if (!Double.isFinite(c)) throw new IllegalArgumentException("costs must be finite");
        }
        // 1-based arrays with a virtual column 0, the classic e-maxx formulation
        double[] u = new double[n + 1], v = new double[n + 1], minTo = new double[n + 1];
        int[] match = new int[n + 1], way = new int[n + 1];
        boolean[] used = new boolean[n + 1];
        for (int i = 1; i <= n; i++) {
            match[0] = i;
            int j0 = 0;
            Arrays.fill(minTo, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = match[j0], j1 = 0;
                double delta = Double.POSITIVE_INFINITY;
                for (int j = 1; j <= n; j++) {
                    if (used[j]) continue;
                    double cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                    if (cur < minTo[j]) {
                        minTo[j] = cur;
                        way[j] = j0;
                    }
                    if (minTo[j] < delta) {
                        delta = minTo[j];
                        j1 = j;
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[match[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minTo[j] -= delta;
                    }
                }
                j0 = j1;
            } while (match[j0] != 0);
            do {
                int j1 = way[j0];
                match[j0] = match[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] rowToColumn = new int[n];
        for (int j = 1; j <= n; j++) rowToColumn[match[j] - 1] = j - 1;
        return rowToColumn;
    }
}
