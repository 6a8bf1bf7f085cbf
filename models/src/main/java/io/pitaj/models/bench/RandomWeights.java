package io.pitaj.models.bench;

import io.pitaj.models.nn.Parameter;
import io.pitaj.models.nn.ParameterSet;
import java.util.SplittableRandom;

/**
 * Benchmark weights: a network as initialised, with every all-zero parameter (the adaLN-Zero and output layers)
 * redrawn as PyTorch's default Linear initialisation U(±1/√fan_in) would draw it. Zero layers make F ≡ 0 and
 * its derivatives trivial, which would time a different computation; the PyTorch twin does the same.
 */
final class RandomWeights {
    private RandomWeights() {}

    static void replaceZeros(ParameterSet params, SplittableRandom rng) {
        for (Parameter p : params.parameters()) {
            double[] v = p.values();
            boolean zero = true;
            for (double d : v) zero &= d == 0;
            if (!zero) continue;
            int[] weightShape = p.shape().length == 2 ? p.shape() : params.get(p.name().replace("/bias", "/weight")).shape();
            double bound = 1 / Math.sqrt(weightShape[0]);
            for (int i = 0; i < v.length; i++) v[i] = rng.nextDouble(-bound, bound);
        }
    }
}
