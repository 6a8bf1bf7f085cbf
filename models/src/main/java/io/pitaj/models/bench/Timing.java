package io.pitaj.models.bench;

import io.pitaj.models.metrics.Statistics;
import java.util.function.IntConsumer;

/** Wall-clock timing of a repeated operation: untimed warm-up runs, then the median of the timed ones. */
final class Timing {
    private Timing() {}

    /**
     * Runs {@code operation} (given its run index, warm-up included) {@code warmup + reps} times and returns the
     * median milliseconds of the last {@code reps}; {@code progress} hears each timed run's 1-based index.
     */
    static double medianMillis(int warmup, int reps, IntConsumer operation, IntConsumer progress) {
        if (reps < 1 || warmup < 0) throw new IllegalArgumentException("need at least one timed run and a non-negative warm-up");
        double[] millis = new double[reps];
        for (int i = 0; i < warmup + reps; i++) {
            long t0 = System.nanoTime();
            operation.accept(i);
            long t1 = System.nanoTime();
            if (i >= warmup) {
                millis[i - warmup] = (t1 - t0) * 1e-6;
                progress.accept(i - warmup + 1);
            }
        }
        return Statistics.median(millis);
    }
}
