package io.pitaj.models.bench;

import io.pitaj.models.sampling.mcmc.LangevinMd;
import io.pitaj.models.sampling.mcmc.MdResult;
import io.pitaj.models.sampling.mcmc.Schedule;
import io.pitaj.models.targets.Target;

/**
 * Langevin dynamics throughput: {@code chains} independent BAOAB chains of a target advanced together (one batched
 * force call per step), timed after a short untimed warm-up that also pays for the target's thread pool. No
 * minimisation: the start configurations are the system's typical ones.
 */
public record MdBenchmark(LangevinMd dynamics, int chains, int steps, int warmupSteps, long seed) {
    public MdBenchmark {
        if (chains < 1 || steps < 1 || warmupSteps < 0) throw new IllegalArgumentException("need chains, steps ≥ 1 and warm-up ≥ 0");
    }

    /** Steps per second of one chain and of all chains together, and the kinetic temperature reached (a sanity check). */
    public record Result(double stepsPerSecondPerChain, double aggregateStepsPerSecond, double seconds, double kineticTemperature) {}

    public Result run(Target target, double temperature, double[] x0) {
        MdResult warm = dynamics.run(target, temperature, x0, chains, new Schedule(warmupSteps, 1, 1), seed);
        long start = System.nanoTime();
        MdResult r = dynamics.run(target, temperature, warm.finalPositions(), chains, new Schedule(0, 1, steps), seed + 1);
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new Result(steps / seconds, (double) steps * chains / seconds, seconds, r.kineticTemperature());
    }
}
