package io.pitaj.models.sampling.mcmc;

import java.util.Arrays;

/**
 * Batched steepest descent with a per-chain adaptive step, used before molecular dynamics to remove the clashes and
 * strained bonds of raw starting structures (OpenMM's minimizeEnergy plays this part for PITA's data). Each
 * iteration moves every unconverged chain along −∇E so that its fastest particle moves {@code stepLength}; a step
 * that lowers the energy is kept and the step grows by 1.2, otherwise it is undone and the step halves. All
 * unconverged chains share one batched force call per iteration. A chain stops when its largest per-particle force
 * norm falls below {@code forceTolerance}, when its step has shrunk below 10⁻¹⁰ of the initial one (round-off
 * territory), or when {@code maxIterations} are spent.
 *
 * @param forceTolerance    largest per-particle |∇E| accepted as converged, energy per length unit (kJ/mol/nm)
 * @param maxIterations     force calls per chain at most
 * @param initialStepLength first displacement of the fastest particle, length units (nm)
 */
public record EnergyMinimiser(double forceTolerance, int maxIterations, double initialStepLength) {
    private static final double GROW = 1.2;
    private static final double SHRINK = 0.5;
    private static final double STALLED = 1e-10;

    public EnergyMinimiser {
        if (!(forceTolerance > 0)) throw new IllegalArgumentException("force tolerance must be positive, got " + forceTolerance);
        if (maxIterations < 0) throw new IllegalArgumentException("iterations must not be negative, got " + maxIterations);
        if (!(initialStepLength > 0)) throw new IllegalArgumentException("initial step must be positive, got " + initialStepLength);
    }

    /** Tolerance 10 (kJ/mol/nm for peptides, as OpenMM's default), 1000 iterations, first step 0.01 length units. */
    public static EnergyMinimiser defaults() { return new EnergyMinimiser(10, 1000, 0.01); }

    /** Minimises every chain of {@code b} in place; returns each chain's final largest per-particle force norm. */
    public double[] minimise(ChainBatch b) {
        int n = b.chains, d = b.dimension;
        int spatialDim = b.target.target().layout().spatialDim();
        double[] step = new double[n];
        Arrays.fill(step, initialStepLength);
        int[] active = new int[n];
        double[] trial = new double[n * d], trialEnergy = new double[n], trialGrad = new double[n * d];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            int m = 0;
            for (int c = 0; c < n; c++) {
                double force = maxParticleForce(b.grad, c * d, d, spatialDim);
                if (force > forceTolerance && Double.isFinite(force) && step[c] > STALLED * initialStepLength) {
                    for (int j = 0; j < d; j++) trial[m * d + j] = b.x[c * d + j] - step[c] / force * b.grad[c * d + j];
                    active[m++] = c;
                }
            }
            if (m == 0) break;
            MeanFree.project(b.target.target(), trial, m);
            b.target.energiesAndGradients(trial, m, trialEnergy, trialGrad);
            for (int k = 0; k < m; k++) {
                int c = active[k];
                if (trialEnergy[k] < b.energy[c] || (!Double.isFinite(b.energy[c]) && Double.isFinite(trialEnergy[k]))) {
                    System.arraycopy(trial, k * d, b.x, c * d, d);
                    System.arraycopy(trialGrad, k * d, b.grad, c * d, d);
                    b.energy[c] = trialEnergy[k];
                    step[c] *= GROW;
                } else {
                    step[c] *= SHRINK;
                }
            }
        }
        double[] forces = new double[n];
        for (int c = 0; c < n; c++) forces[c] = maxParticleForce(b.grad, c * d, d, spatialDim);
        return forces;
    }

    private static double maxParticleForce(double[] grad, int offset, int d, int spatialDim) {
        double max = 0;
        for (int i = 0; i < d; i += spatialDim) {
            double s = 0;
            for (int a = 0; a < spatialDim; a++) s += grad[offset + i + a] * grad[offset + i + a];
            max = Math.max(max, Math.sqrt(s));
        }
        return max; // Math.max propagates NaN, so a non-finite gradient yields NaN
    }
}
