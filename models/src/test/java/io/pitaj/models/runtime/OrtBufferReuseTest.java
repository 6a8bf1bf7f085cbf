package io.pitaj.models.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import io.pitaj.models.onnx.ElementType;
import io.pitaj.models.onnx.HostTensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrtBufferReuseTest {
    private static final OrtRuntime ORT = OrtRuntime.withWarningSink(m -> { });

    @Test
    void ortTensorAliasesTheKeptDirectBuffer() throws Exception {
        try (ReusableTensor slot = new ReusableTensor(OrtEnvironment.getEnvironment(), ElementType.FLOAT32)) {
            OnnxTensor t = slot.tensorOfShape(new long[] {2, 2});
            slot.write(HostTensor.ofFloats(new float[] {1, 2, 3, 4}, 2, 2));
            assertArrayEquals(new float[] {1, 2, 3, 4}, t.getFloatBuffer().array());
            // same shape: same OrtValue, and it sees the new values without being rebuilt (zero-copy wrap)
            assertSame(t, slot.tensorOfShape(new long[] {2, 2}));
            slot.write(HostTensor.ofFloats(new float[] {5, 6, 7, 8}, 2, 2));
            assertArrayEquals(new float[] {5, 6, 7, 8}, t.getFloatBuffer().array());
            // new shape: new OrtValue, the old one is released
            OnnxTensor bigger = slot.tensorOfShape(new long[] {3, 2});
            assertNotSame(t, bigger);
            assertTrue(t.isClosed());
            OnnxTensor smaller = slot.tensorOfShape(new long[] {1, 2});
            assertTrue(bigger.isClosed());
            slot.close();
            assertTrue(smaller.isClosed());
        }
    }

    @Test
    void repeatedRunsAreIdenticalAndSeeNewInputValues() {
        try (InferenceSession session = ORT.open(OrtTestModels.affineFloat32(), SessionSettings.cpu(2));
             SessionRunner runner = session.newRunner()) {
            Random rng = new Random(1);
            float[] x = OrtTestModels.randomFloats(rng, 64 * 3);
            float[] first = runner.run(Map.of("x", HostTensor.ofFloats(x, 64, 3))).get("y").floats();
            for (int i = 0; i < 200; i++) {
                float[] again = runner.run(Map.of("x", HostTensor.ofFloats(x, 64, 3))).get("y").floats();
                assertArrayEquals(first, again);
                assertNotSame(first, again, "results are fresh arrays, not views of the pinned buffer");
            }
            // reused buffers must carry the new values, not the previous run's
            float[] x2 = OrtTestModels.randomFloats(rng, 64 * 3);
            float[] second = runner.run(Map.of("x", HostTensor.ofFloats(x2, 64, 3))).get("y").floats();
            assertFalse(Arrays.equals(first, second));
            assertArrayEquals(session.run(Map.of("x", HostTensor.ofFloats(x2, 64, 3))).get("y").floats(), second);
            // batch size changes in both directions
            for (int batch : new int[] {512, 1, 7, 64}) {
                float[] xb = OrtTestModels.randomFloats(rng, batch * 3);
                float[] yb = runner.run(Map.of("x", HostTensor.ofFloats(xb, batch, 3))).get("y").floats();
                double[] ref = OrtTestModels.affineReference(xb, batch);
                for (int i = 0; i < ref.length; i++) {
                    assertTrue(Math.abs(ref[i] - yb[i]) <= 1e-6 * Math.max(1, Math.abs(ref[i])), "batch " + batch);
                }
            }
        }
    }

    @Test
    void closingReleasesRunnersAndSessions() {
        InferenceSession session = ORT.open(OrtTestModels.affineFloat32(), SessionSettings.cpu(1));
        SessionRunner runner = session.newRunner();
        Map<String, HostTensor> feed = Map.of("x", HostTensor.ofFloats(new float[3], 1, 3));
        runner.run(feed);
        session.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner.run(feed));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> session.run(feed));
        assertThrows(IllegalStateException.class, session::newRunner);
        runner.close();
        session.close(); // idempotent
    }

    @Test
    void sessionRunsConcurrentlyAndRunnersArePerThread() throws Exception {
        try (InferenceSession session = ORT.open(OrtTestModels.transcendentalFloat64(), SessionSettings.cpu(1))) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    final int seed = t;
                    results.add(pool.submit(() -> {
                        Random rng = new Random(seed);
                        try (SessionRunner runner = session.newRunner()) {
                            for (int i = 0; i < 50; i++) {
                                int batch = 1 + rng.nextInt(40);
                                double[] x = OrtTestModels.randomDoubles(rng, batch * 4);
                                Map<String, HostTensor> feed = Map.of("x", HostTensor.ofDoubles(x, batch, 4));
                                double[] viaRunner = runner.run(feed).get("y").doubles();
                                double[] viaSession = session.run(feed).get("y").doubles();
                                for (int k = 0; k < x.length; k++) {
                                    double ref = OrtTestModels.transcendentalReference(x[k]);
                                    if (Math.abs(viaRunner[k] - ref) > 1e-12 * Math.max(1, Math.abs(ref))
                                            || viaRunner[k] != viaSession[k]) {
                                        return false;
                                    }
                                }
                            }
                        }
                        return true;
                    }));
                }
                for (Future<Boolean> f : results) {
                    assertTrue(f.get());
                }
            } finally {
                pool.shutdown();
            }
        }
    }
}
