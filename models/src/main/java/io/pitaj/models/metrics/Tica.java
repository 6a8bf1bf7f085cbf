package io.pitaj.models.metrics;

import io.pitaj.models.targets.SymmetricEigen;

/**
 * Time-lagged independent component analysis fitted on a reference trajectory (rows in time order): with centred
 * features, C₀ and the symmetrised lagged covariance C_τ = ½(⟨x_t x_{t+τ}ᵀ⟩ + ⟨x_{t+τ} x_tᵀ⟩) (the reversible
 * estimator, both halves of the pairs also in C₀), the components solve C_τ v = λ C₀ v, found by whitening C₀
 * (eigen-directions below 1e-10 of its largest eigenvalue dropped) and diagonalising the whitened C_τ; ordered by
 * λ, slowest first. PITA's deeptime call also applies Koopman reweighting, which is not reproduced (documented).
 */
public final class Tica {
    private final double[] mean;
    private final double[][] components; // [component][feature]
    private final double[] eigenvalues;

    private Tica(double[] mean, double[][] components, double[] eigenvalues) {
        this.mean = mean;
        this.components = components;
        this.eigenvalues = eigenvalues;
    }

    public double[] eigenvalues() { return eigenvalues.clone(); }

    public static Tica fit(double[] features, int frames, int dim, int lag) {
        if (lag < 1 || lag >= frames) throw new IllegalArgumentException("lag " + lag + " needs more than " + lag + " frames, got " + frames);
        int pairs = frames - lag;
        double[] mean = new double[dim];
        for (int t = 0; t < pairs; t++) {
            for (int i = 0; i < dim; i++) mean[i] += (features[t * dim + i] + features[(t + lag) * dim + i]) / (2.0 * pairs);
        }
        double[][] c0 = new double[dim][dim], ct = new double[dim][dim];
        double[] u = new double[dim], v = new double[dim];
        for (int t = 0; t < pairs; t++) {
            for (int i = 0; i < dim; i++) {
                u[i] = features[t * dim + i] - mean[i];
                v[i] = features[(t + lag) * dim + i] - mean[i];
            }
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j < dim; j++) {
                    c0[i][j] += (u[i] * u[j] + v[i] * v[j]) / (2.0 * pairs);
                    ct[i][j] += (u[i] * v[j] + v[i] * u[j]) / (2.0 * pairs);
                }
            }
        }
        SymmetricEigen e0 = SymmetricEigen.of(c0);
        double[] l0 = e0.values();
        double[][] v0 = e0.vectors();
        double largest = l0[l0.length - 1];
        int keep = 0;
        for (double l : l0) if (l > 1e-10 * largest) keep++;
        // whitening W: columns v0_k/√λ_k of the kept directions (eigenvalues ascend, so the kept ones are the last)
        double[][] w = new double[dim][keep];
        for (int k = 0; k < keep; k++) {
            int src = l0.length - keep + k;
            for (int i = 0; i < dim; i++) w[i][k] = column(v0, src, i) / Math.sqrt(l0[src]);
        }
        double[][] m = new double[keep][keep];
        for (int a = 0; a < keep; a++) {
            for (int b = 0; b < keep; b++) {
                double s = 0;
                for (int i = 0; i < dim; i++) for (int j = 0; j < dim; j++) s += w[i][a] * ct[i][j] * w[j][b];
                m[a][b] = s;
            }
        }
        SymmetricEigen em = SymmetricEigen.of(m);
        double[] lm = em.values();
        double[][] vm = em.vectors();
        double[][] comps = new double[keep][dim];
        double[] values = new double[keep];
        for (int c = 0; c < keep; c++) {
            int src = keep - 1 - c; // largest first
            values[c] = lm[src];
            for (int i = 0; i < dim; i++) {
                double s = 0;
                for (int k = 0; k < keep; k++) s += w[i][k] * column(vm, src, k);
                comps[c][i] = s;
            }
        }
        return new Tica(mean, comps, values);
    }

    /** The first {@code k} components of {@code samples} feature rows, samples × k. */
    public double[] project(double[] features, int samples, int k) {
        if (k > components.length) throw new IllegalArgumentException("only " + components.length + " components");
        int dim = mean.length;
        double[] out = new double[samples * k];
        for (int s = 0; s < samples; s++) {
            for (int c = 0; c < k; c++) {
                double v = 0;
                for (int i = 0; i < dim; i++) v += (features[s * dim + i] - mean[i]) * components[c][i];
                out[s * k + c] = v;
            }
        }
        return out;
    }

    /** Eigenvector {@code k} of a {@link SymmetricEigen}, whose vectors are stored one per row. */
    private static double column(double[][] vectors, int k, int i) { return vectors[k][i]; }
}
