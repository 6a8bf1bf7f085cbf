package io.pitaj.models.nets;

import static io.pitaj.models.nets.DenseLayers.linear;
import static io.pitaj.models.nets.DenseLayers.map;

import io.pitaj.models.nn.ParameterSet;

/**
 * The DiT of pita-algorithm.md §2.2 written directly from the specification and the reference DIT3D, one sample and
 * one token at a time: the independent check of the graph version (its rotary form, chunk orders, q/k/v split).
 */
final class DitReference {
    private static final double EPS = (float) 1e-5; // ONNX's float32 epsilon attribute, as the graph op uses

    private DitReference() {}

    /** F(c_noise, y, β) for one sample y [atoms][spatial]; β is ignored when the configuration is not conditioned. */
    static double[][] apply(DitConfig c, ParameterSet p, double cNoise, double[][] y, double beta) {
        int t = c.atoms(), w = c.hidden(), heads = c.heads(), dh = w / heads;
        double[] cond = embed(c, p, "dit/time", cNoise);
        if (c.betaConditioned()) {
            double[] b = embed(c, p, "dit/beta", beta);
            for (int i = 0; i < cond.length; i++) cond[i] += b[i];
        }
        cond = map(cond, DenseLayers::silu);
        double[][] x = new double[t][];
        for (int i = 0; i < t; i++) x[i] = linear(p, "dit/tokens", y[i]);
        for (int blk = 0; blk < c.blocks(); blk++) {
            String name = "dit/block" + blk + "/";
            double[][] mod = chunks(linear(p, name + "modulation", cond), 6, w);
            double[][] q = new double[t][], k = new double[t][], v = new double[t][];
            for (int i = 0; i < t; i++) {
                double[] a = modulate(DenseLayers.layerNorm(x[i], p.get(name + "norm1/weight").values(), EPS), mod[0], mod[1]);
                double[] qkv = linear(p, name + "qkv", a);
                q[i] = rotate(java.util.Arrays.copyOfRange(qkv, 0, w), i, dh);
                k[i] = rotate(java.util.Arrays.copyOfRange(qkv, w, 2 * w), i, dh);
                v[i] = java.util.Arrays.copyOfRange(qkv, 2 * w, 3 * w);
            }
            double[][] attended = new double[t][w];
            for (int h = 0; h < heads; h++) {
                for (int i = 0; i < t; i++) {
                    double[] scores = new double[t];
                    double max = Double.NEGATIVE_INFINITY, total = 0;
                    for (int j = 0; j < t; j++) {
                        for (int d = 0; d < dh; d++) scores[j] += q[i][h * dh + d] * k[j][h * dh + d];
                        scores[j] /= Math.sqrt(dh);
                        max = Math.max(max, scores[j]);
                    }
                    for (int j = 0; j < t; j++) total += scores[j] = Math.exp(scores[j] - max);
                    for (int j = 0; j < t; j++) {
                        for (int d = 0; d < dh; d++) attended[i][h * dh + d] += scores[j] / total * v[j][h * dh + d];
                    }
                }
            }
            for (int i = 0; i < t; i++) {
                double[] o = linear(p, name + "attn_out", attended[i]);
                for (int d = 0; d < w; d++) x[i][d] += mod[2][d] * o[d];
                double[] m = modulate(DenseLayers.layerNorm(x[i], p.get(name + "norm2/weight").values(), EPS), mod[3], mod[4]);
                double[] out = linear(p, name + "fc2", map(linear(p, name + "fc1", m), DenseLayers::gelu));
                for (int d = 0; d < w; d++) x[i][d] += mod[5][d] * out[d];
            }
        }
        double[][] fin = chunks(linear(p, "dit/final/modulation", cond), 2, w);
        double[][] f = new double[t][];
        for (int i = 0; i < t; i++) {
            f[i] = linear(p, "dit/final/out", modulate(DenseLayers.layerNorm(x[i], p.get("dit/final/norm/weight").values(), EPS),
                    fin[0], fin[1]));
        }
        return f;
    }

    private static double[] embed(DitConfig c, ParameterSet p, String name, double s) {
        return linear(p, name + "/out", map(linear(p, name + "/in", DenseLayers.sinusoidal(s, c.frequencyDim())), DenseLayers::silu));
    }

    private static double[][] chunks(double[] m, int parts, int w) {
        double[][] out = new double[parts][];
        for (int i = 0; i < parts; i++) out[i] = java.util.Arrays.copyOfRange(m, i * w, (i + 1) * w);
        return out;
    }

    private static double[] modulate(double[] x, double[] shift, double[] scale) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = x[i] * (1 + scale[i]) + shift[i];
        return y;
    }

    /** torchtune's adjacent-pair rotation of every head of a token at position {@code pos}. */
    private static double[] rotate(double[] x, int pos, int dh) {
        double[] y = x.clone();
        for (int h = 0; h < x.length / dh; h++) {
            for (int i = 0; i < dh / 2; i++) {
                double angle = pos * Math.pow(10_000, -2.0 * i / dh), cs = Math.cos(angle), sn = Math.sin(angle);
                int a = h * dh + 2 * i;
                y[a] = x[a] * cs - x[a + 1] * sn;
                y[a + 1] = x[a + 1] * cs + x[a] * sn;
            }
        }
        return y;
    }
}
