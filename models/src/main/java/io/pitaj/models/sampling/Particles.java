package io.pitaj.models.sampling;

import io.pitaj.models.targets.Centring;
import io.pitaj.models.targets.StandardNormal;
import java.util.SplittableRandom;

/** A population of particles in model coordinates: its prior draw, Euler–Maruyama moves and mean removal. */
final class Particles {
    private final int dimension;
    private final int particlesPerSample;
    private final int spatial;
    private final boolean meanFree;

    Particles(AnnealingModel model) {
        this.dimension = model.dimension();
        this.meanFree = model.meanFree();
        this.particlesPerSample = model.meanFreeLayout().map(l -> l.particles()).orElse(1);
        this.spatial = model.meanFreeLayout().map(l -> l.spatialDim()).orElse(dimension);
    }

    int dimension() { return dimension; }

    /** N draws of N(0, variance·I), mean-free where the model is. */
    double[] prior(int n, double variance, SplittableRandom rng) {
        double[] x = new double[Math.multiplyExact(n, dimension)];
        double sd = Math.sqrt(variance);
        for (int i = 0; i < x.length; i++) x[i] = sd * StandardNormal.draw(rng);
        centre(x, n);
        return x;
    }

    /** x ← x + drift·dt + √(g²·dt)·ξ, then mean removal (pita-algorithm.md §1.8.4 step 2.5). */
    void move(double[] x, double[] drift, double dt, double g2, int n, SplittableRandom rng) {
        double noise = Math.sqrt(g2 * dt);
        for (int i = 0; i < n * dimension; i++) x[i] += drift[i] * dt + noise * StandardNormal.draw(rng);
        centre(x, n);
    }

    /** The particles of {@code x} in the order of {@code ancestors}. */
    double[] select(double[] x, int[] ancestors) {
        double[] out = new double[ancestors.length * dimension];
        for (int i = 0; i < ancestors.length; i++) System.arraycopy(x, ancestors[i] * dimension, out, i * dimension, dimension);
        return out;
    }

    void centre(double[] x, int n) {
        if (!meanFree) return;
        for (int s = 0; s < n; s++) Centring.removeMean(x, s * dimension, particlesPerSample, spatial);
    }
}
