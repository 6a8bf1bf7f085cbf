package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.targets.Target;
import java.util.Arrays;
import java.util.SplittableRandom;

/** {@link LangevinMd} bound to a batch of chains: their velocities, masses and random streams. */
final class LangevinMove implements ChainMove {
    private final LangevinMd settings;
    private final ParticleMasses masses;
    private final double kT;
    private final SplittableRandom[] rngs;
    private final Baoab integrator;
    private final double[] velocities;
    private final int chains;
    private final boolean redrawVelocities;

    /** @param redrawVelocities whether every {@link #advance} starts from fresh Maxwell–Boltzmann velocities */
    LangevinMove(LangevinMd settings, Target target, double temperature, int chains, long seed, boolean redrawVelocities) {
        this.settings = settings;
        this.masses = ParticleMasses.of(target);
        this.kT = target.unit().kT(temperature);
        this.rngs = ChainSeeds.split(seed, chains);
        this.integrator = new Baoab(masses, target.dimension(), settings.timeStepPs(), settings.frictionPerPs(), kT);
        this.velocities = new double[chains * target.dimension()];
        this.chains = chains;
        this.redrawVelocities = redrawVelocities;
        masses.drawVelocities(velocities, chains, kT, rngs);
    }

    @Override
    public void advance(ChainBatch b, int steps, boolean warmup) {
        if (redrawVelocities) masses.drawVelocities(velocities, chains, kT, rngs);
        for (int s = 0; s < steps; s++) integrator.step(b, velocities, rngs);
    }

    double kineticEnergy(int chain) { return masses.kineticEnergy(velocities, chain); }

    int degreesOfFreedom() { return masses.degreesOfFreedom(); }

    double[] velocities() { return velocities.clone(); }

    /** Dynamics has no accept/reject step. */
    @Override
    public double[] acceptance() {
        double[] a = new double[chains];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    @Override
    public double[] stepSizes() {
        double[] s = new double[chains];
        Arrays.fill(s, settings.timeStepPs());
        return s;
    }
}
