package io.pitaj.models.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Seeded random tensors for tests, including value sets kept away from the kinks of abs, max and masks. */
public final class RandomTensors {
    private RandomTensors() {}

    /** How to draw the {@code count} values of a tensor. */
    @FunctionalInterface
    public interface Sampler {
        double[] sample(Random rnd, int count);
    }

    public static Sampler normal() {
        return (rnd, count) -> {
            double[] v = new double[count];
            for (int i = 0; i < count; i++) v[i] = rnd.nextGaussian();
            return v;
        };
    }

    /** Uniform in [lo, hi). */
    public static Sampler uniform(double lo, double hi) {
        return (rnd, count) -> {
            double[] v = new double[count];
            for (int i = 0; i < count; i++) v[i] = lo + (hi - lo) * rnd.nextDouble();
            return v;
        };
    }

    /**
     * Distinct values offset + 0.3·k for consecutive integers k around zero, shuffled: any two values differ by at
     * least 0.3, and two samplers whose offsets differ by 0.15 never come closer than 0.15 to each other. With offset
     * 0.15 no value is near zero. Finite differences of max, min, abs and comparisons are then exact.
     */
    public static Sampler spaced(double offset) {
        return (rnd, count) -> {
            List<Double> values = new ArrayList<>(count);
            for (int k = 0; k < count; k++) values.add(offset + 0.3 * (k - count / 2));
            Collections.shuffle(values, rnd);
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        };
    }

    public static Tensor sample(Sampler sampler, Random rnd, int... shape) {
        int n = 1;
        for (int d : shape) n *= d;
        return new Tensor(shape, sampler.sample(rnd, n));
    }

    public static Tensor gaussian(Random rnd, int... shape) { return sample(normal(), rnd, shape); }
}
