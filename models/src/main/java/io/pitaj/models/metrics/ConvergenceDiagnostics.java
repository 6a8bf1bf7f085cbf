package io.pitaj.models.metrics;

/**
 * Convergence diagnostics of parallel MCMC/MD chains of one scalar (an energy, a torsion): split R̂ (Gelman et
 * al.; each chain halved, so a drifting chain shows), the integrated autocorrelation time τ by Sokal's automatic
 * window (the smallest M with M ≥ 5·τ(M), the autocorrelation averaged over chains), and the effective sample size
 * N_total/τ. Chains are rows of equal length.
 */
public final class ConvergenceDiagnostics {
    /** Sokal's window constant. */
    public static final double WINDOW_FACTOR = 5;

    private ConvergenceDiagnostics() {}

    /** The three diagnostics of one scalar, or the worst of several (largest R̂ and τ, smallest ESS). */
    public record Summary(double rhat, double autocorrelationTime, double ess) {
        public static Summary of(double[][] chains) {
            return new Summary(splitRhat(chains), integratedAutocorrelationTime(chains), effectiveSampleSize(chains));
        }

        public Summary worst(Summary other) {
            return new Summary(Math.max(rhat, other.rhat), Math.max(autocorrelationTime, other.autocorrelationTime), Math.min(ess, other.ess));
        }
    }

    /**
     * The worst diagnostics over sin φ, cos φ, sin ψ and cos ψ of every residue: a torsion's convergence, which the
     * energy can hide (two basins of equal energy, one never left). {@code x} holds {@code chains} chains of
     * {@code perChain} configurations each, chain-major; the circular variables are split into sine and cosine
     * because a torsion's raw value jumps at ±π.
     */
    public static Summary torsions(BackboneAngles angles, double[] x, int chains, int perChain) {
        int r = angles.residues().size(), per = 2 * r;
        double[] phiPsi = angles.phiPsi(x, chains * perChain);
        Summary worst = null;
        for (int a = 0; a < per; a++) {
            double[][] sin = new double[chains][perChain], cos = new double[chains][perChain];
            for (int c = 0; c < chains; c++) {
                for (int k = 0; k < perChain; k++) {
                    double v = phiPsi[(c * perChain + k) * per + a];
                    sin[c][k] = Math.sin(v);
                    cos[c][k] = Math.cos(v);
                }
            }
            for (double[][] f : new double[][][] {sin, cos}) {
                Summary s = Summary.of(f);
                worst = worst == null ? s : worst.worst(s);
            }
        }
        return worst;
    }

    public static double splitRhat(double[][] chains) {
        int n = chains[0].length / 2, m = 2 * chains.length;
        if (n < 2) throw new IllegalArgumentException("split R-hat needs at least 4 draws per chain");
        double[] means = new double[m], vars = new double[m];
        for (int c = 0; c < chains.length; c++) {
            if (chains[c].length != chains[0].length) throw new IllegalArgumentException("chains must have equal length");
            for (int half = 0; half < 2; half++) {
                int k = 2 * c + half, from = half * n;
                double mean = 0, var = 0;
                for (int i = 0; i < n; i++) mean += chains[c][from + i] / n;
                for (int i = 0; i < n; i++) var += (chains[c][from + i] - mean) * (chains[c][from + i] - mean) / (n - 1);
                means[k] = mean;
                vars[k] = var;
            }
        }
        double grand = 0, w = 0;
        for (int k = 0; k < m; k++) {
            grand += means[k] / m;
            w += vars[k] / m;
        }
        double b = 0;
        for (int k = 0; k < m; k++) b += n * (means[k] - grand) * (means[k] - grand) / (m - 1);
        double varPlus = (n - 1.0) / n * w + b / n;
        return Math.sqrt(varPlus / w);
    }

    /** τ in draws (1 for independent draws). */
    public static double integratedAutocorrelationTime(double[][] chains) {
        int n = chains[0].length;
        double[] centred = new double[chains.length * n];
        double var = 0;
        for (int c = 0; c < chains.length; c++) {
            double mean = 0;
            for (double v : chains[c]) mean += v / n;
            for (int i = 0; i < n; i++) {
                centred[c * n + i] = chains[c][i] - mean;
                var += centred[c * n + i] * centred[c * n + i];
            }
        }
        if (!(var > 0)) return 1;
        double tau = 1;
        for (int lag = 1; lag < n; lag++) {
            double s = 0;
            for (int c = 0; c < chains.length; c++) {
                for (int i = 0; i + lag < n; i++) s += centred[c * n + i] * centred[c * n + i + lag];
            }
            tau += 2 * s / var;
            if (lag >= WINDOW_FACTOR * tau) return tau;
        }
        return tau; // the window never closed: the chains are too short for an honest τ, and this is a lower bound
    }

    public static double effectiveSampleSize(double[][] chains) {
        return chains.length * (double) chains[0].length / Math.max(1, integratedAutocorrelationTime(chains));
    }
}
