package io.pitaj.models.nets;

import static io.pitaj.models.nets.DenseLayers.concat;
import static io.pitaj.models.nets.DenseLayers.linear;
import static io.pitaj.models.nets.DenseLayers.map;

import io.pitaj.models.nn.ParameterSet;

/**
 * The EGNN of pita-algorithm.md §2.1 written directly from the specification, one sample at a time, over the list of
 * ordered pairs (i, j ≠ i) as the reference code does: the independent check of the graph's dense-grid version.
 */
final class EgnnReference {
    private EgnnReference() {}

    /** F(c_noise, y, β) for one sample y [n][spatial]. */
    static double[][] apply(EgnnConfig c, ParameterSet p, double cNoise, double[][] y, double beta) {
        int n = c.particles(), s = c.spatialDim(), hd = c.hidden();
        double range = c.coordsRange() / c.layers();
        double[] h0 = linear(p, "egnn/embedding", c.betaConditioned() ? new double[] {cNoise, beta} : new double[] {cNoise});
        double[][] h = new double[n][];
        for (int i = 0; i < n; i++) h[i] = h0.clone();
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) x[i] = y[i].clone();
        for (int l = 0; l < c.layers(); l++) {
            String name = "egnn/layer" + l + "/";
            double[][] shift = new double[n][s], aggregate = new double[n][hd];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i == j) continue;
                    double[] d = new double[s];
                    double r = 0, e = 0;
                    for (int k = 0; k < s; k++) {
                        d[k] = x[i][k] - x[j][k];
                        r += d[k] * d[k];
                        e += (y[i][k] - y[j][k]) * (y[i][k] - y[j][k]);
                    }
                    double[] m = map(linear(p, name + "edge2", map(linear(p, name + "edge1",
                            concat(h[i], h[j], new double[] {r, e})), DenseLayers::silu)), DenseLayers::silu);
                    double gate = DenseLayers.sigmoid(linear(p, name + "gate", m)[0]);
                    for (int k = 0; k < hd; k++) m[k] *= gate;
                    double w = Math.tanh(linear(p, name + "coord_out", map(linear(p, name + "coord1", m), DenseLayers::silu))[0]) * range;
                    double norm = Math.sqrt(r + 1e-8) + 1;
                    for (int k = 0; k < s; k++) shift[i][k] += d[k] / norm * w;
                    for (int k = 0; k < hd; k++) aggregate[i][k] += m[k];
                }
            }
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < s; k++) x[i][k] += shift[i][k];
                double[] update = linear(p, name + "node2", map(linear(p, name + "node1", concat(h[i], aggregate[i])), DenseLayers::silu));
                for (int k = 0; k < hd; k++) update[k] += h[i][k];
                h[i] = update;
            }
        }
        double[][] f = new double[n][s];
        for (int k = 0; k < s; k++) {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += (x[i][k] - y[i][k]) / n;
            for (int i = 0; i < n; i++) f[i][k] = x[i][k] - y[i][k] - mean;
        }
        return f;
    }
}
