package io.pitaj.models.nets;

import io.pitaj.models.nn.Parameter;
import io.pitaj.models.nn.ParameterSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small instances of every backbone for tests, with every parameter random — the zero-initialised layers included,
 * since F ≡ 0 would make most checks vacuous — and a random value for every per-sample input.
 */
final class SmallBackbones {
    private SmallBackbones() {}

    /** A backbone and one random parameter set for it. */
    record Instance(String name, Backbone backbone, ParameterSet params) {
        @Override public String toString() { return name; }
    }

    static List<BackboneConfig> configs() {
        return List.of(
                new MlpConfig(List.of(3), 16, 2, 8, true),
                new EgnnConfig(4, 3, 8, 2, 15, true),
                new EgnnConfig(3, 2, 6, 1, 15, false),
                new DitConfig(3, 3, 16, 2, 2, 8, 2, 16, false, 0),
                new DitConfig(4, 3, 8, 1, 2, 4, 2, 8, true, 0.1));
    }

    static List<Instance> instances() {
        return configs().stream().map(c -> instance(c, 7)).toList();
    }

    static Instance instance(BackboneConfig config, long seed) {
        ParameterSet params = new ParameterSet();
        Backbone b = config.build(params, new SplittableRandom(seed));
        randomise(params, new SplittableRandom(seed + 1));
        return new Instance(config.getClass().getSimpleName() + config.sampleSize() + (config.betaConditioned() ? "β" : ""), b, params);
    }

    /** Every parameter redrawn from U(−1/√fan_in, 1/√fan_in), LayerNorm weights around 1. */
    static void randomise(ParameterSet params, SplittableRandom rng) {
        for (Parameter p : params.parameters()) {
            int fanIn = p.shape().length == 2 ? p.shape()[0] : 4;
            boolean normWeight = p.name().contains("norm");
            double[] v = p.values();
            for (int i = 0; i < v.length; i++) {
                v[i] = (normWeight ? 1 : 0) + rng.nextDouble(-1, 1) / Math.sqrt(fanIn);
            }
        }
    }
}
