package io.pitaj.models.sampling.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** NUTS runs chains as parallel tasks; the thread count must not change a single number. */
class NutsThreadsTest {
    @Test
    void oneThreadAndTheCommonPoolGiveIdenticalSamples() throws Exception {
        try (HarmonicOscillator target = new HarmonicOscillator(3, 1.0)) {
            int chains = 12;
            double[] x0 = Starts.gaussian(chains, 3, 2.0, 7);
            Schedule schedule = new Schedule(30, 30, 1);
            Nuts nuts = Nuts.adaptive(0.3);
            McmcResult common = nuts.run(target, 1.0, x0, chains, schedule, 21);
            ForkJoinPool single = new ForkJoinPool(1);
            try {
                // a parallel stream started inside a pool's task runs on that pool's threads
                McmcResult serial = single.submit(() -> nuts.run(target, 1.0, x0, chains, schedule, 21)).get();
                assertArrayEquals(common.samples(), serial.samples());
                assertArrayEquals(common.stepSizes(), serial.stepSizes());
                assertEquals(common.counts(), serial.counts());
            } finally {
                single.shutdown();
            }
        }
    }
}
