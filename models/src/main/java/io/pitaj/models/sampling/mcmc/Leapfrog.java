package io.pitaj.models.sampling.mcmc;

/**
 * One leapfrog step of Hamiltonian dynamics for U = βE with a unit mass matrix in the sampler's coordinates:
 * half kick, drift, one batched force evaluation, half kick. The gradient of the starting point is reused from the
 * previous step, so L steps cost L force evaluations per chain.
 */
final class Leapfrog {
    private Leapfrog() {}

    /**
     * Advances rows 0 … batch−1 of (x, p) in place by step {@code eps[c]} (negative runs backwards in time) and
     * overwrites {@code energy} and {@code grad} (dE/dx) with their values at the new positions.
     */
    static void step(CountedTarget target, double[] x, double[] p, double[] grad, double[] energy, int batch,
                     double[] eps, double beta) {
        int d = target.target().dimension();
        for (int c = 0; c < batch; c++) {
            double kick = 0.5 * eps[c] * beta;
            for (int j = c * d; j < (c + 1) * d; j++) {
                p[j] -= kick * grad[j];
                x[j] += eps[c] * p[j];
            }
        }
        MeanFree.project(target.target(), x, batch);
        target.energiesAndGradients(x, batch, energy, grad);
        for (int c = 0; c < batch; c++) {
            double kick = 0.5 * eps[c] * beta;
            for (int j = c * d; j < (c + 1) * d; j++) p[j] -= kick * grad[j];
        }
    }

    /** ½|p|² of row {@code c}. */
    static double kineticEnergy(double[] p, int c, int d) {
        double s = 0;
        for (int j = c * d; j < (c + 1) * d; j++) s += p[j] * p[j];
        return 0.5 * s;
    }
}
