package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.forcefield.PeptideTarget;
import io.pitaj.models.targets.ParticleLayout;
import io.pitaj.models.targets.StandardNormal;
import io.pitaj.models.targets.Target;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The masses molecular dynamics gives a target's particles, and the velocity operations that depend on them.
 * Peptides carry their atomic masses in amu; with nm, ps and kJ/mol this makes force/mass come out in nm/ps²
 * (1 kJ mol⁻¹ nm⁻¹ amu⁻¹ = 1 nm ps⁻²) and kT/m in nm²/ps². Every other target gets unit masses in reduced units.
 *
 * <p>For mean-free targets the centre-of-mass momentum is kept at zero: the energy is translation invariant, so
 * that momentum is conserved and carries no configurational information, and the thermostat noise would otherwise
 * make the cluster diffuse.
 */
final class ParticleMasses {
    private final ParticleLayout layout;
    private final boolean removeCentreOfMassMomentum;
    private final double[] perParticle;
    private final double[] perCoordinate;
    private final double total;

    private ParticleMasses(Target target, double[] perParticle) {
        this.layout = target.layout();
        this.removeCentreOfMassMomentum = target.meanFree();
        this.perParticle = perParticle;
        this.perCoordinate = new double[layout.dimension()];
        double sum = 0;
        for (int i = 0; i < perParticle.length; i++) {
            if (!(perParticle[i] > 0)) throw new IllegalArgumentException("particle " + i + " has mass " + perParticle[i]);
            sum += perParticle[i];
            for (int a = 0; a < layout.spatialDim(); a++) perCoordinate[i * layout.spatialDim() + a] = perParticle[i];
        }
        this.total = sum;
    }

    static ParticleMasses of(Target target) {
        if (target instanceof PeptideTarget peptide) return new ParticleMasses(target, peptide.topology().masses());
        double[] unit = new double[target.layout().particles()];
        Arrays.fill(unit, 1.0);
        return new ParticleMasses(target, unit);
    }

    /** Mass of coordinate {@code j} of a configuration. */
    double mass(int j) { return perCoordinate[j]; }

    /** Kinetic degrees of freedom: the dimension, less one per axis when the centre-of-mass momentum is removed. */
    int degreesOfFreedom() { return layout.dimension() - (removeCentreOfMassMomentum ? layout.spatialDim() : 0); }

    /** Maxwell–Boltzmann velocities at k_B T = {@code kT} for {@code batch} rows, centre-of-mass momentum removed. */
    void drawVelocities(double[] v, int batch, double kT, SplittableRandom[] rngs) {
        int d = layout.dimension();
        for (int c = 0; c < batch; c++) {
            for (int j = 0; j < d; j++) v[c * d + j] = Math.sqrt(kT / perCoordinate[j]) * StandardNormal.draw(rngs[c]);
        }
        removeCentreOfMassMomentum(v, batch);
    }

    /**
     * Subtracts the centre-of-mass velocity from every row (mean-free targets only). For Gaussian velocities this is
     * exactly conditioning the Maxwell–Boltzmann distribution on zero total momentum.
     */
    void removeCentreOfMassMomentum(double[] v, int batch) {
        if (!removeCentreOfMassMomentum) return;
        int d = layout.dimension(), dims = layout.spatialDim();
        for (int c = 0; c < batch; c++) {
            for (int a = 0; a < dims; a++) {
                double momentum = 0;
                for (int i = 0; i < perParticle.length; i++) momentum += perParticle[i] * v[c * d + i * dims + a];
                double comVelocity = momentum / total;
                for (int i = 0; i < perParticle.length; i++) v[c * d + i * dims + a] -= comVelocity;
            }
        }
    }

    /** ½ Σ m v² of row {@code c}, in energy units. */
    double kineticEnergy(double[] v, int c) {
        int d = layout.dimension();
        double s = 0;
        for (int j = 0; j < d; j++) s += perCoordinate[j] * v[c * d + j] * v[c * d + j];
        return 0.5 * s;
    }
}
