package io.pitaj.models.nn;

import java.util.SplittableRandom;

/**
 * How a parameter's first values are drawn. Every draw comes from a caller-supplied seeded generator, so the same
 * seed and the same order of {@link ParameterSet#add} calls give the same parameters.
 */
@FunctionalInterface
public interface Init {
    /** Fresh row-major values for a parameter of the given shape. */
    double[] sample(int[] shape, SplittableRandom rng);

    static Init zeros() {
        return (shape, rng) -> new double[count(shape)];
    }

    /** Every entry {@code value} (LayerNorm weights start at one). */
    static Init constant(double value) {
        return (shape, rng) -> {
            double[] v = new double[count(shape)];
            java.util.Arrays.fill(v, value);
            return v;
        };
    }

    /** Independent draws from U(−bound, bound). */
    static Init uniform(double bound) {
        if (!(bound > 0)) throw new IllegalArgumentException("uniform bound must be positive, got " + bound);
        return (shape, rng) -> {
            double[] v = new double[count(shape)];
            for (int i = 0; i < v.length; i++) v[i] = rng.nextDouble(-bound, bound);
            return v;
        };
    }

    /**
     * PyTorch's default for both weight and bias of {@code nn.Linear}: U(−1/√fan_in, 1/√fan_in) (the weight's
     * kaiming_uniform with a = √5 reduces to the same bound).
     */
    static Init linearDefault(int fanIn) {
        return uniform(1 / Math.sqrt(fanIn));
    }

    /**
     * Xavier/Glorot uniform for a matrix stored [fan_in, fan_out] (this project's weight layout):
     * U(−a, a) with a = gain·√(6/(fan_in + fan_out)).
     */
    static Init xavierUniform(double gain) {
        return (shape, rng) -> {
            if (shape.length != 2) throw new IllegalArgumentException("Xavier init needs a matrix, got rank " + shape.length);
            return uniform(gain * Math.sqrt(6.0 / (shape[0] + shape[1]))).sample(shape, rng);
        };
    }

    private static int count(int[] shape) {
        long n = 1;
        for (int d : shape) n *= d;
        return Math.toIntExact(n);
    }
}
