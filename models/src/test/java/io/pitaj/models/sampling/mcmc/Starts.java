package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.targets.StandardNormal;
import java.util.SplittableRandom;

/** Seeded, deliberately over-dispersed starting points, so that warm-up has something to forget. */
final class Starts {
    private Starts() {}

    static double[] gaussian(int chains, int dimension, double sd, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[chains * dimension];
        for (int i = 0; i < x.length; i++) x[i] = sd * StandardNormal.draw(rng);
        return x;
    }
}
