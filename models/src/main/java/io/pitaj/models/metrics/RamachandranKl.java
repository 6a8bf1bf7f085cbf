package io.pitaj.models.metrics;

/**
 * TA-BG's Ramachandran KL (benchmarks.md §3): the forward divergence KL(reference ‖ samples) between (φ, ψ)
 * histograms of 100 × 100 bins over [0, 2π)² (angles taken mod 2π), each normalised to a density, with ε = 1e-10
 * added inside the logarithm and the sum multiplied by the bin area (2π/100)². Bins the reference leaves empty add
 * nothing; bins only the samples miss cost log(p/ε). Weighted samples fill their bins with their normalised weights.
 */
public final class RamachandranKl {
    public static final int BINS = 100;
    public static final double EPSILON = 1e-10;
    private static final double WIDTH = 2 * Math.PI / BINS;

    private RamachandranKl() {}

    /** {@code phiPsi} interleaved (φ₀, ψ₀, φ₁, ψ₁, …); null weights mean equal weights. */
    public static double divergence(double[] referencePhiPsi, double[] referenceWeights, double[] samplePhiPsi, double[] sampleWeights) {
        double[] p = density(referencePhiPsi, referenceWeights), q = density(samplePhiPsi, sampleWeights);
        double kl = 0;
        for (int b = 0; b < p.length; b++) if (p[b] > 0) kl += p[b] * Math.log((p[b] + EPSILON) / (q[b] + EPSILON));
        return kl * WIDTH * WIDTH;
    }

    /** The normalised density per bin (integrates to 1 over the torus). */
    static double[] density(double[] phiPsi, double[] weights) {
        int n = phiPsi.length / 2;
        if (n == 0 || phiPsi.length % 2 != 0) throw new IllegalArgumentException("need (φ, ψ) pairs");
        if (weights != null && weights.length != n) throw new IllegalArgumentException(weights.length + " weights for " + n + " pairs");
        double[] h = new double[BINS * BINS];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1 : weights[i];
            if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("weights must be finite and non-negative");
            h[bin(phiPsi[2 * i]) * BINS + bin(phiPsi[2 * i + 1])] += w;
            total += w;
        }
        if (!(total > 0)) throw new IllegalArgumentException("weights sum to zero");
        for (int b = 0; b < h.length; b++) h[b] /= total * WIDTH * WIDTH;
        return h;
    }

    private static int bin(double angle) {
        if (!Double.isFinite(angle)) throw new IllegalArgumentException("angle is not finite: " + angle);
        double a = angle % (2 * Math.PI);
        if (a < 0) a += 2 * Math.PI;
        return Math.min(BINS - 1, (int) (a / WIDTH));
    }
}
