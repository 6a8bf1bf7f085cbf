package io.pitaj.models.targets;

/**
 * Mixtures for tests, and the density they define written out directly — Σ_k w_k·N(x; μ_k, Σ_k + h·I) with the
 * inverse and determinant by Gauss–Jordan elimination — independent of the eigendecompositions the code evaluates
 * with.
 */
public final class TestMixtures {
    private TestMixtures() {}

    /** Three components in 3-D with full, unequal covariances (eigenvalues 0.16 … 1.45). */
    public static GaussianMixture threeD() {
        return new GaussianMixture("mix3d", MixtureSpec.of("mix3d", new double[] {0.5, 0.3, 0.2},
                new double[][] {{0, 0, 0}, {2, -1, 1}, {-1.5, 2, 0.5}},
                new double[][][] {
                    {{1, 0.3, -0.2}, {0.3, 0.8, 0.1}, {-0.2, 0.1, 0.5}},
                    {{0.4, -0.1, 0.05}, {-0.1, 0.6, 0.2}, {0.05, 0.2, 0.9}},
                    {{1.2, 0.4, 0.3}, {0.4, 0.7, -0.25}, {0.3, -0.25, 0.6}}}));
    }

    /** p_h(x) summed term by term, without logarithms. */
    public static double directDensity(GaussianMixture m, double[] x, double h) {
        int d = x.length;
        double[] w = m.weights();
        double p = 0;
        for (int c = 0; c < m.components(); c++) {
            double[][] s = m.covariance(c);
            for (int i = 0; i < d; i++) s[i][i] += h;
            double[] mu = m.mean(c);
            double[][] inv = new double[d][d];
            double det = invert(s, inv);
            double q = 0;
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) q += (x[i] - mu[i]) * inv[i][j] * (x[j] - mu[j]);
            p += w[c] * Math.exp(-0.5 * q) / Math.sqrt(Math.pow(2 * Math.PI, d) * det);
        }
        return p;
    }

    /** Gauss–Jordan with partial pivoting: writes a⁻¹ to {@code inv}, returns det a; {@code a} is destroyed. */
    private static double invert(double[][] a, double[][] inv) {
        int n = a.length;
        for (int i = 0; i < n; i++) inv[i][i] = 1;
        double det = 1;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
            if (pivot != col) {
                double[] t = a[pivot]; a[pivot] = a[col]; a[col] = t;
                t = inv[pivot]; inv[pivot] = inv[col]; inv[col] = t;
                det = -det;
            }
            double p = a[col][col];
            det *= p;
            for (int j = 0; j < n; j++) { a[col][j] /= p; inv[col][j] /= p; }
            for (int r = 0; r < n; r++) {
                if (r == col) continue;
                double f = a[r][col];
                for (int j = 0; j < n; j++) { a[r][j] -= f * a[col][j]; inv[r][j] -= f * inv[col][j]; }
            }
        }
        return det;
    }
}
