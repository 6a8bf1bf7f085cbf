package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.targets.Target;

/** The single-temperature sampling loop every kernel shares: warm up, then keep one state every thinning moves. */
final class ChainRunner {
    private ChainRunner() {}

    static McmcResult sample(MarkovKernel kernel, Target target, double temperature, double[] x0, int chains,
                             Schedule schedule, long seed) {
        CountedTarget counted = new CountedTarget(target);
        ChainBatch batch = new ChainBatch(counted, x0, chains);
        ChainMove move = kernel.bind(target, temperature, chains, seed);
        move.advance(batch, schedule.warmupSteps(), true);
        SampleStore store = new SampleStore(chains, schedule.samples(), batch.dimension);
        for (int k = 0; k < schedule.samples(); k++) {
            move.advance(batch, schedule.thinning(), false);
            store.record(batch, k);
        }
        return new McmcResult(chains, schedule.samples(), batch.dimension, store.samples, store.energies,
                move.acceptance(), move.stepSizes().clone(), batch.positions(), counted.counts());
    }
}
