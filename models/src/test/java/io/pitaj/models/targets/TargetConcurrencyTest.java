package io.pitaj.models.targets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Batched evaluation from several threads at once, while the helper pool grows and when the target is closed. */
class TargetConcurrencyTest {
    private static final int CALLERS = 4, MAX_THREADS = 8, BATCH = 64, ROUNDS = 100;

    /** E(x) = Σ x; one sample per chunk is worth a thread, so every batch is spread over all configured threads. */
    private static class Sum extends Target {
        Sum() {
            super("sum", new ParticleLayout(1, 2), false, EnergyUnit.REDUCED);
        }

        @Override
        protected int minSamplesPerThread() { return 1; }

        @Override
        protected EnergyEvaluator newEvaluator() {
            return (x, xo, grad, go) -> x[xo] + x[xo + 1];
        }
    }

    private static double[] batch() {
        double[] x = new double[2 * BATCH];
        for (int k = 0; k < x.length; k++) x[k] = k;
        return x;
    }

    private static double[] sums(double[] x) {
        double[] e = new double[BATCH];
        for (int i = 0; i < BATCH; i++) e[i] = x[2 * i] + x[2 * i + 1];
        return e;
    }

    /**
     * Each round starts a fresh target and lets all callers raise the thread count step by step, so the pool has to
     * grow while other callers are handing chunks to it.
     */
    @Test
    void poolGrowsWhileOtherThreadsSubmit() throws InterruptedException {
        double[] x = batch(), expected = sums(x);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                try (Target target = new Sum()) {
                    CyclicBarrier start = new CyclicBarrier(CALLERS);
                    List<Future<?>> runs = new ArrayList<>();
                    for (int c = 0; c < CALLERS; c++) {
                        runs.add(callers.submit(() -> {
                            start.await();
                            for (int threads = 2; threads <= MAX_THREADS; threads++) {
                                assertArrayEquals(expected, target.threads(threads).energies(x, BATCH, new double[BATCH], null));
                            }
                            return null;
                        }));
                    }
                    for (Future<?> run : runs) {
                        try {
                            run.get();
                        } catch (ExecutionException e) {
                            fail("round " + round + ": a concurrent batch failed", e.getCause());
                        }
                    }
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }

    /**
     * A batch whose helper chunk is held at a gate is in flight when close() is called: close() waits for it, the
     * batch completes, and evaluations after close() are refused.
     */
    @Test
    void closeWaitsForBatchesInFlightAndRefusesLaterOnes() throws Exception {
        CountDownLatch entered = new CountDownLatch(1), release = new CountDownLatch(1);
        Target target = new Sum() {
            @Override
            protected EnergyEvaluator newEvaluator() {
                return (x, xo, grad, go) -> {
                    if (xo == 2 * (BATCH - 1)) {
                        entered.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException("the gated sample was interrupted", e);
                        }
                    }
                    return x[xo] + x[xo + 1];
                };
            }
        };
        double[] x = batch();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        Thread closer = new Thread(target::close, "closer");
        try {
            Future<double[]> inFlight = caller.submit(() -> target.threads(2).energies(x, BATCH, new double[BATCH], null));
            entered.await();
            closer.start();
            // until close() parks behind the batch in flight, or returns if it does not wait
            while (closer.isAlive() && closer.getState() != Thread.State.WAITING) Thread.onSpinWait();
            assertTrue(closer.isAlive(), "close() returned while a batch was in flight");
            release.countDown();
            assertArrayEquals(sums(x), inFlight.get());
            closer.join();
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> target.energy(new double[2]));
            assertEquals("target is closed", refused.getMessage());
        } finally {
            release.countDown();
            caller.shutdownNow();
        }
    }
}
