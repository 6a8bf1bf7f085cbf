package io.pitaj.models.targets;

/**
 * The eigendecomposition A = V·diag(λ)·Vᵀ of a small symmetric matrix by cyclic Jacobi rotations: each rotation
 * zeroes one off-diagonal pair exactly, so the sweeps converge quadratically and V stays orthogonal to rounding
 * (what a mixture needs: (x − μ)ᵀ(Σ + hI)⁻¹(x − μ) and log det(Σ + hI) at every h from one decomposition).
 *
 * @param values  eigenvalues λ_i, ascending
 * @param vectors vectors[i] is the unit eigenvector of λ_i (a row, i.e. column i of V)
 */
public record SymmetricEigen(double[] values, double[][] vectors) {
    private static final int MAX_SWEEPS = 100;

    public SymmetricEigen {
        values = values.clone();
        vectors = copy(vectors);
    }

    /** A copy: the record is immutable. */
    @Override public double[] values() { return values.clone(); }

    /** A copy: the record is immutable. */
    @Override public double[][] vectors() { return copy(vectors); }

    private static double[][] copy(double[][] rows) {
        double[][] c = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) c[i] = rows[i].clone();
        return c;
    }

    /** Decomposes the symmetric matrix {@code a} (only its upper triangle is read); {@code a} is not changed. */
    public static SymmetricEigen of(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][n];
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) m[i][j] = a[Math.min(i, j)][Math.max(i, j)];
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonal(m) > 0; sweep++) {
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (m[p][q] != 0) rotate(m, v, p, q);
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (i, j) -> Double.compare(m[i][i], m[j][j]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int k = 0; k < n; k++) {
            values[k] = m[order[k]][order[k]];
            for (int i = 0; i < n; i++) vectors[k][i] = v[i][order[k]];
        }
        return new SymmetricEigen(values, vectors);
    }

    /**
     * Off-diagonal mass that still matters: entries below 1e-300 or 1e-17 of their diagonal neighbours no longer
     * change the eigenvalues in double precision, so they end the sweeps.
     */
    private static double offDiagonal(double[][] m) {
        double s = 0;
        for (int p = 0; p < m.length; p++) {
            for (int q = p + 1; q < m.length; q++) {
                double scale = Math.abs(m[p][p]) + Math.abs(m[q][q]);
                if (Math.abs(m[p][q]) > 1e-17 * scale && Math.abs(m[p][q]) > 1e-300) s += m[p][q] * m[p][q];
                else m[p][q] = m[q][p] = 0;
            }
        }
        return s;
    }

    /** The Jacobi rotation in the (p, q) plane that zeroes m[p][q], with the small-angle form of Numerical Recipes. */
    private static void rotate(double[][] m, double[][] v, int p, int q) {
        double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) t = 1;
        double c = 1 / Math.sqrt(t * t + 1), s = t * c;
        int n = m.length;
        for (int k = 0; k < n; k++) {
            double mkp = m[k][p], mkq = m[k][q];
            m[k][p] = c * mkp - s * mkq;
            m[k][q] = s * mkp + c * mkq;
        }
        for (int k = 0; k < n; k++) {
            double mpk = m[p][k], mqk = m[q][k];
            m[p][k] = c * mpk - s * mqk;
            m[q][k] = s * mpk + c * mqk;
        }
        m[p][q] = m[q][p] = 0; // exactly zero by construction; rounding would leave a residue
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p], vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }
}
