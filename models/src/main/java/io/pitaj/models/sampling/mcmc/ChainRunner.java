package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.targets.Target;

/** The single-temperature sampling loop every kernel shares: warm up, then keep one state every thinning moves. */
public final class ChainRunner {
    /** Warm-up moves between progress reports (a move keeps its adaptation state across calls, so splitting is free). */
    static final int REPORT_EVERY = 50;

    private ChainRunner() {}

    static McmcResult sample(MarkovKernel kernel, Target target, double temperature, double[] x0, int chains,
                             Schedule schedule, long seed) {
        return sample(kernel, target, temperature, x0, chains, schedule, seed, SamplerProgress.NONE);
    }

    /** Runs {@code kernel} on {@code chains} chains from the rows of {@code x0}, reporting progress in moves. */
    public static McmcResult sample(MarkovKernel kernel, Target target, double temperature, double[] x0, int chains,
                                    Schedule schedule, long seed, SamplerProgress progress) {
        CountedTarget counted = new CountedTarget(target);
        ChainBatch batch = new ChainBatch(counted, x0, chains);
        ChainMove move = kernel.bind(target, temperature, chains, seed);
        long total = schedule.warmupSteps() + schedule.samplingSteps();
        warmUp(move, batch, schedule.warmupSteps(), total, progress);
        SampleStore store = new SampleStore(chains, schedule.samples(), batch.dimension);
        for (int k = 0; k < schedule.samples(); k++) {
            move.advance(batch, schedule.thinning(), false);
            store.record(batch, k);
            progress.advanced(schedule.warmupSteps() + (k + 1L) * schedule.thinning(), total);
        }
        return new McmcResult(chains, schedule.samples(), batch.dimension, store.samples, store.energies,
                move.acceptance(), move.stepSizes().clone(), batch.positions(), counted.counts());
    }

    static void warmUp(ChainMove move, ChainBatch batch, int steps, long total, SamplerProgress progress) {
        for (int done = 0; done < steps; ) {
            int n = Math.min(REPORT_EVERY, steps - done);
            move.advance(batch, n, true);
            done += n;
            progress.advanced(done, total);
        }
    }
}
