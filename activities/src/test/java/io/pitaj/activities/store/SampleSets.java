package io.pitaj.activities.store;

import java.util.List;
import java.util.SplittableRandom;

/** Deterministic sample sets for the tests. */
final class SampleSets {
    private SampleSets() {}

    /** A 2-D analytic-target set in reduced units, values drawn from {@code seed}. */
    static SampleSet reduced(int count, int dim, boolean withForce, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = uniform(random, count * dim);
        double[] logWeight = uniform(random, count);
        double[] energy = uniform(random, count);
        double[] force = withForce ? uniform(random, count * dim) : null;
        return new SampleSet("gmm-40", 1.0, "reduced", List.of(), "rung-0/smc", seed, dim, x, logWeight, energy, force);
    }

    private static double[] uniform(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = 10 * (random.nextDouble() - 0.5);
        return v;
    }
}
