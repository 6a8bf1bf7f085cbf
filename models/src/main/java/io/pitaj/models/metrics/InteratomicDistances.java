package io.pitaj.models.metrics;

/**
 * The pooled unique interatomic distances of a set of configurations (PITA's distance-W2 input, benchmarks.md §3):
 * for n particles in d dimensions, the n(n−1)/2 pair distances of every sample, each pair carrying its sample's
 * weight.
 */
public final class InteratomicDistances {
    private InteratomicDistances() {}

    /** The distances, sample-major: pair (i, j), i &lt; j, of sample s at s·n(n−1)/2 + rank. */
    public static double[] of(double[] x, int samples, int particles, int spatial) {
        int pairs = particles * (particles - 1) / 2, dim = particles * spatial;
        if (x.length != (long) samples * dim) throw new IllegalArgumentException("need " + dim + " coordinates per sample");
        double[] out = new double[Math.multiplyExact(samples, pairs)];
        int k = 0;
        for (int s = 0; s < samples; s++) {
            int base = s * dim;
            for (int i = 0; i < particles; i++) {
                for (int j = i + 1; j < particles; j++) {
                    double r2 = 0;
                    for (int a = 0; a < spatial; a++) {
                        double d = x[base + i * spatial + a] - x[base + j * spatial + a];
                        r2 += d * d;
                    }
                    out[k++] = Math.sqrt(r2);
                }
            }
        }
        return out;
    }

    /** Each sample's weight repeated for its pairs. */
    public static double[] weights(double[] sampleWeights, int particles) {
        int pairs = particles * (particles - 1) / 2;
        double[] out = new double[Math.multiplyExact(sampleWeights.length, pairs)];
        for (int s = 0; s < sampleWeights.length; s++) java.util.Arrays.fill(out, s * pairs, (s + 1) * pairs, sampleWeights[s]);
        return out;
    }

    /** Distance-W2 between two weighted sets of configurations (null weights: equal). */
    public static double w2(double[] a, double[] wa, double[] b, double[] wb, int particles, int spatial) {
        int dim = particles * spatial, na = a.length / dim, nb = b.length / dim;
        double[] da = of(a, na, particles, spatial), db = of(b, nb, particles, spatial);
        double[] pa = weights(wa != null ? wa : Wasserstein1D.uniform(na), particles);
        double[] pb = weights(wb != null ? wb : Wasserstein1D.uniform(nb), particles);
        return Wasserstein1D.distance(da, pa, db, pb, 2);
    }
}
