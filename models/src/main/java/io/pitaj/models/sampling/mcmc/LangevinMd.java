package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.targets.Target;

/**
 * Langevin molecular dynamics with the BAOAB integrator ({@link Baoab}) for many independent chains in one batch (one
 * batched force call per step for all chains), in the target's physical units with masses: for peptides atomic masses
 * in amu, nm, ps and kJ/mol; for every other target unit masses and reduced units. A run optionally minimises the
 * energy first ({@link EnergyMinimiser}), draws Maxwell–Boltzmann velocities (centre-of-mass momentum removed for
 * mean-free targets), discards {@code warmupSteps} steps of burn-in and keeps one frame every {@code thinning} steps.
 *
 * <p>PITA's peptide data used 1 fs steps and friction 0.3 ps⁻¹ with OpenMM's LangevinMiddleIntegrator
 * (pita-algorithm.md §1.6); BAOAB samples the same configurational distribution. Friction 0 gives velocity Verlet.
 *
 * @param timeStepPs    Δt: ps for peptides, reduced time units otherwise
 * @param frictionPerPs γ: ps⁻¹ for peptides, inverse reduced time otherwise; 0 for constant-energy dynamics
 * @param minimiser     the energy minimisation before dynamics, or null to start from the given configurations
 */
public record LangevinMd(double timeStepPs, double frictionPerPs, EnergyMinimiser minimiser) implements MarkovKernel, Relaxer {
    /** PITA's peptide setting: 1 fs step, 0.3 ps⁻¹ friction. */
    public static final double PITA_TIME_STEP_PS = 0.001;
    public static final double PITA_FRICTION_PER_PS = 0.3;
    /** Reduced-unit systems (LJ, DW-4, mixtures, unit masses): a step well inside BAOAB's stability there, friction 1. */
    public static final double REDUCED_TIME_STEP = 5e-3, REDUCED_FRICTION = 1.0;

    public LangevinMd {
        if (!(timeStepPs > 0) || Double.isInfinite(timeStepPs)) throw new IllegalArgumentException("time step must be positive, got " + timeStepPs);
        if (!(frictionPerPs >= 0) || Double.isInfinite(frictionPerPs)) throw new IllegalArgumentException("friction must be non-negative, got " + frictionPerPs);
    }

    /** The default dynamics of a unit system without minimisation: PITA's 1 fs and 0.3 /ps for peptides, the reduced defaults otherwise. */
    public static LangevinMd defaults(io.pitaj.models.targets.EnergyUnit unit) {
        return unit == io.pitaj.models.targets.EnergyUnit.KJ_PER_MOL ? new LangevinMd(PITA_TIME_STEP_PS, PITA_FRICTION_PER_PS, null)
                : new LangevinMd(REDUCED_TIME_STEP, REDUCED_FRICTION, null);
    }

    /** PITA's peptide dynamics after {@link EnergyMinimiser#defaults()} minimisation. */
    public static LangevinMd pitaPeptides() {
        return new LangevinMd(PITA_TIME_STEP_PS, PITA_FRICTION_PER_PS, EnergyMinimiser.defaults());
    }

    /**
     * Minimises (if configured), then runs {@code schedule.warmupSteps()} burn-in steps and keeps
     * {@code schedule.samples()} frames per chain, one every {@code schedule.thinning()} steps, at {@code temperature}.
     */
    public MdResult run(Target target, double temperature, double[] x0, int chains, Schedule schedule, long seed) {
        return run(target, temperature, x0, chains, schedule, seed, SamplerProgress.NONE);
    }

    /** As {@link #run(Target, double, double[], int, Schedule, long)}, reporting progress in steps (minimisation not counted). */
    public MdResult run(Target target, double temperature, double[] x0, int chains, Schedule schedule, long seed, SamplerProgress progress) {
        CountedTarget counted = new CountedTarget(target);
        ChainBatch batch = new ChainBatch(counted, x0, chains);
        double[] maxForce = minimiser == null ? new double[0] : minimiser.minimise(batch);
        LangevinMove move = new LangevinMove(this, target, temperature, chains, seed, false);
        long total = schedule.warmupSteps() + schedule.samplingSteps();
        ChainRunner.warmUp(move, batch, schedule.warmupSteps(), total, progress);
        SampleStore store = new SampleStore(chains, schedule.samples(), batch.dimension);
        double[] kinetic = new double[chains * schedule.samples()];
        for (int k = 0; k < schedule.samples(); k++) {
            move.advance(batch, schedule.thinning(), false);
            store.record(batch, k);
            progress.advanced(schedule.warmupSteps() + (k + 1L) * schedule.thinning(), total);
            for (int c = 0; c < chains; c++) kinetic[c * schedule.samples() + k] = move.kineticEnergy(c);
        }
        double meanKinetic = 0;
        for (double e : kinetic) meanKinetic += e / kinetic.length;
        double kineticTemperature = 2 * meanKinetic / (move.degreesOfFreedom() * target.unit().boltzmann());
        return new MdResult(chains, schedule.samples(), batch.dimension, store.samples, store.energies, kinetic,
                batch.positions(), move.velocities(), kineticTemperature, maxForce, counted.counts());
    }

    /** Minimises (if configured), draws Maxwell–Boltzmann velocities and runs {@code steps} steps. */
    @Override
    public Relaxation relax(Target target, double temperature, double[] x, int count, int steps, long seed) {
        CountedTarget counted = new CountedTarget(target);
        ChainBatch batch = new ChainBatch(counted, x, count);
        if (minimiser != null) minimiser.minimise(batch);
        new LangevinMove(this, target, temperature, count, seed, false).advance(batch, steps, false);
        return new Relaxation(batch.positions(), batch.energies(), Double.NaN, timeStepPs, counted.counts());
    }

    /**
     * A move for replica exchange: each call draws fresh Maxwell–Boltzmann velocities and then integrates, so
     * velocities never have to follow configurations across rungs. No minimisation.
     */
    @Override
    public ChainMove bind(Target target, double temperature, int chains, long seed) {
        return new LangevinMove(this, target, temperature, chains, seed, true);
    }
}
