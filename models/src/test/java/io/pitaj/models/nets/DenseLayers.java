package io.pitaj.models.nets;

import io.pitaj.models.nn.ParameterSet;

/** Plain-loop building blocks of the reference implementations the network tests compare the graphs with. */
final class DenseLayers {
    private DenseLayers() {}

    /** x·W + b for the layer {@code name} (weight [in, out], bias optional), one input vector. */
    static double[] linear(ParameterSet p, String name, double[] x) {
        int[] shape = p.get(name + "/weight").shape();
        double[] w = p.get(name + "/weight").values();
        double[] b = p.names().contains(name + "/bias") ? p.get(name + "/bias").values() : null;
        int in = shape[0], out = shape[1];
        if (x.length != in) throw new IllegalArgumentException(name + " expects " + in + " inputs, got " + x.length);
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            double s = b == null ? 0 : b[o];
            for (int i = 0; i < in; i++) s += x[i] * w[i * out + o];
            y[o] = s;
        }
        return y;
    }

    static double silu(double x) { return x / (1 + Math.exp(-x)); }

    static double sigmoid(double x) { return 1 / (1 + Math.exp(-x)); }

    static double gelu(double x) { return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))); }

    static double[] map(double[] x, java.util.function.DoubleUnaryOperator f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = f.applyAsDouble(x[i]);
        return y;
    }

    static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) n += p.length;
        double[] out = new double[n];
        int o = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    /** Layer normalisation with the biased variance and a weight, no bias. */
    static double[] layerNorm(double[] x, double[] weight, double eps) {
        double mean = 0, var = 0;
        for (double v : x) mean += v / x.length;
        for (double v : x) var += (v - mean) * (v - mean) / x.length;
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = (x[i] - mean) / Math.sqrt(var + eps) * weight[i];
        return y;
    }

    /** [cos(s·f_0) … cos(s·f_{k−1}), sin(s·f_0) … sin(s·f_{k−1})], f_i = exp(−ln(10⁴)·i/k), k = dim/2. */
    static double[] sinusoidal(double s, int dim) {
        int half = dim / 2;
        double[] e = new double[dim];
        for (int i = 0; i < half; i++) {
            double f = Math.exp(-Math.log(10_000) * i / half);
            e[i] = Math.cos(s * f);
            e[half + i] = Math.sin(s * f);
        }
        return e;
    }
}
