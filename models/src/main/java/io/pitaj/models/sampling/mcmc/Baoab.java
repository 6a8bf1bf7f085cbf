package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.targets.StandardNormal;
import java.util.SplittableRandom;

/**
 * The BAOAB splitting of Langevin dynamics (Leimkuhler &amp; Matthews 2013): half kick (B), half drift (A), exact
 * Ornstein–Uhlenbeck velocity update v ← e^{−γΔt}v + √(1 − e^{−2γΔt})·√(kT/m)·ξ (O), half drift, one batched
 * force call, half kick. With γ = 0 the O step is the identity and BAOAB is velocity Verlet (NVE).
 *
 * <p>OpenMM's LangevinMiddleIntegrator, which made PITA's peptide data, is the same splitting written as a leapfrog
 * (its velocities are half a step out of phase with these); both sample the same configurational distribution, whose
 * discretisation error is O(Δt²) and vanishes for harmonic potentials.
 */
final class Baoab {
    private final ParticleMasses masses;
    private final double timeStep;
    private final double velocityDecay;
    private final double[] noiseScale;

    /**
     * @param timeStep Δt (ps for peptides, reduced time otherwise)
     * @param friction γ (per ps for peptides); 0 for NVE
     * @param kT       k_B T in energy units
     */
    Baoab(ParticleMasses masses, int dimension, double timeStep, double friction, double kT) {
        this.masses = masses;
        this.timeStep = timeStep;
        this.velocityDecay = Math.exp(-friction * timeStep);
        this.noiseScale = new double[dimension];
        double noise = Math.sqrt(1 - velocityDecay * velocityDecay);
        for (int j = 0; j < dimension; j++) noiseScale[j] = noise * Math.sqrt(kT / masses.mass(j));
    }

    /** One step for every chain; positions, energies and gradients in {@code b}, velocities in {@code v}. */
    void step(ChainBatch b, double[] v, SplittableRandom[] rngs) {
        int n = b.chains, d = b.dimension;
        double half = 0.5 * timeStep;
        for (int c = 0; c < n; c++) {
            for (int j = c * d, k = 0; k < d; j++, k++) {
                v[j] -= half * b.grad[j] / masses.mass(k);
                b.x[j] += half * v[j];
            }
        }
        if (velocityDecay < 1) {
            for (int c = 0; c < n; c++) {
                for (int j = c * d, k = 0; k < d; j++, k++) v[j] = velocityDecay * v[j] + noiseScale[k] * StandardNormal.draw(rngs[c]);
            }
            masses.removeCentreOfMassMomentum(v, n);
        }
        for (int j = 0; j < n * d; j++) b.x[j] += half * v[j];
        // a pure translation of a translation-invariant energy: it changes neither forces nor dynamics
        MeanFree.project(b.target.target(), b.x, n);
        b.target.energiesAndGradients(b.x, n, b.energy, b.grad);
        for (int c = 0; c < n; c++) {
            for (int j = c * d, k = 0; k < d; j++, k++) v[j] -= half * b.grad[j] / masses.mass(k);
        }
    }
}
