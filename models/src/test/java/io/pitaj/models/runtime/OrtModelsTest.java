package io.pitaj.models.runtime;

import io.pitaj.models.onnx.HostTensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-built graphs run on the CPU provider against Java reference computations, for several batch sizes. */
class OrtModelsTest {
    private static final OrtRuntime ORT = OrtRuntime.withWarningSink(m -> { });
    private static final SessionSettings CPU = SessionSettings.cpu(2);

    private static final InferenceSession AFFINE = ORT.open(OrtTestModels.affineFloat32(), CPU);
    private static final InferenceSession AFFINE_PARAMS = ORT.open(OrtTestModels.affineFloat64WeightsAsInputs(), CPU);
    private static final InferenceSession TRANSCENDENTAL = ORT.open(OrtTestModels.transcendentalFloat64(), CPU);
    private static final InferenceSession GATHER = ORT.open(OrtTestModels.gatherInt64(), CPU);
    private static final InferenceSession SCATTER = ORT.open(OrtTestModels.scatterAddFloat64(), CPU);
    private static final InferenceSession REDUCE = ORT.open(OrtTestModels.reduceSumMaskAndNonZero(), CPU);

    @AfterAll
    static void closeSessions() {
        for (InferenceSession s : List.of(AFFINE, AFFINE_PARAMS, TRANSCENDENTAL, GATHER, SCATTER, REDUCE)) {
            s.close();
        }
    }

    private static void assertRelativelyClose(double[] expected, float[] actual, double rel) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            double tol = rel * Math.max(1.0, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], tol, "element " + i);
        }
    }

    private static void assertRelativelyClose(double[] expected, double[] actual, double rel) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            double tol = rel * Math.max(1.0, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], tol, "element " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 512})
    void float32AffineMatchesJava(int batch) {
        float[] x = OrtTestModels.randomFloats(new Random(batch), batch * 3);
        HostTensor y = AFFINE.run(Map.of("x", HostTensor.ofFloats(x, batch, 3))).get("y");
        assertArrayEquals(new long[] {batch, 2}, y.shape());
        assertRelativelyClose(OrtTestModels.affineReference(x, batch), y.floats(), 1e-6);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 512})
    void float64WeightsFedAsInputs(int batch) {
        Random rng = new Random(100 + batch);
        double[] x = OrtTestModels.randomDoubles(rng, batch * 3);
        double[] w = OrtTestModels.randomDoubles(rng, 6);
        double[] b = OrtTestModels.randomDoubles(rng, 2);
        HostTensor y = AFFINE_PARAMS.run(Map.of(
                "x", HostTensor.ofDoubles(x, batch, 3),
                "w", HostTensor.ofDoubles(w, 3, 2),
                "b", HostTensor.ofDoubles(b, 2))).get("y");
        double[] expected = new double[batch * 2];
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < 2; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += x[i * 3 + k] * w[k * 2 + j];
                }
                expected[i * 2 + j] = s + b[j];
            }
        }
        assertRelativelyClose(expected, y.doubles(), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 512})
    void float64TranscendentalsMatchJava(int batch) {
        double[] x = OrtTestModels.randomDoubles(new Random(200 + batch), batch * 4);
        HostTensor y = TRANSCENDENTAL.run(Map.of("x", HostTensor.ofDoubles(x, batch, 4))).get("y");
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = OrtTestModels.transcendentalReference(x[i]);
        }
        assertRelativelyClose(expected, y.doubles(), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 512})
    void int64GatherAndInt64Output(int batch) {
        Random rng = new Random(300 + batch);
        long[] idx = new long[batch];
        for (int i = 0; i < batch; i++) {
            idx[i] = rng.nextInt(5);
        }
        Map<String, HostTensor> out = GATHER.run(Map.of("idx", HostTensor.ofLongs(idx, batch)));
        double[] rows = out.get("rows").doubles();
        long[] next = out.get("next").longs();
        for (int i = 0; i < batch; i++) {
            assertEquals(OrtTestModels.TABLE[(int) idx[i] * 2], rows[i * 2]);
            assertEquals(OrtTestModels.TABLE[(int) idx[i] * 2 + 1], rows[i * 2 + 1]);
            assertEquals(idx[i] + 1, next[i]);
        }
        assertEquals(List.of("rows", "next"), List.copyOf(out.keySet()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 512})
    void scatterElementsAddAccumulatesDuplicates(int batch) {
        Random rng = new Random(400 + batch);
        double[] data = OrtTestModels.randomDoubles(rng, batch * 4);
        double[] upd = OrtTestModels.randomDoubles(rng, batch * 3);
        long[] idx = new long[batch * 3];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i % 3 == 2 ? idx[i - 1] : rng.nextInt(4); // every row has a duplicated target
        }
        HostTensor out = SCATTER.run(Map.of(
                "data", HostTensor.ofDoubles(data, batch, 4),
                "idx", HostTensor.ofLongs(idx, batch, 3),
                "upd", HostTensor.ofDoubles(upd, batch, 3))).get("out");
        double[] expected = data.clone();
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < 3; j++) {
                expected[i * 4 + (int) idx[i * 3 + j]] += upd[i * 3 + j];
            }
        }
        assertRelativelyClose(expected, out.doubles(), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 512})
    void reduceSumWithAxesInputBoolOutputAndDataDependentShape(int batch) {
        float[] x = OrtTestModels.randomFloats(new Random(500 + batch), batch * 4);
        Map<String, HostTensor> out = REDUCE.run(Map.of("x", HostTensor.ofFloats(x, batch, 4)));
        HostTensor sum = out.get("sum");
        assertArrayEquals(new long[] {batch}, sum.shape());
        double[] expected = new double[batch];
        for (int i = 0; i < x.length; i++) {
            expected[i / 4] += x[i];
        }
        assertRelativelyClose(expected, sum.floats(), 1e-6);
        boolean[] positive = out.get("positive").booleans();
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i] > 0, positive[i]);
        }
        // NonZero lists (row, column) of every positive element, row-major: its width is only known after the run
        HostTensor where = out.get("where");
        long count = 0;
        for (boolean p : positive) {
            count += p ? 1 : 0;
        }
        assertArrayEquals(new long[] {2, count}, where.shape());
        long[] rc = where.longs();
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0) {
                assertEquals(i / 4, rc[k]);
                assertEquals(i % 4, rc[(int) count + k]);
                k++;
            }
        }
    }

    @Test
    void requestedOutputSubsetIsReturnedInRequestedOrder() {
        Map<String, HostTensor> out = GATHER.run(Map.of("idx", HostTensor.ofLongs(new long[] {4, 0}, 2)),
                List.of("next"));
        assertEquals(List.of("next"), List.copyOf(out.keySet()));
        assertArrayEquals(new long[] {5, 1}, out.get("next").longs());
    }

    @Test
    void declaredSignatureIsExposed() {
        assertEquals("[x:float32[batch,3]]", AFFINE.inputs().toString());
        assertEquals("[y:float32[batch,2]]", AFFINE.outputs().toString());
        assertEquals("[idx:int64[batch]]", GATHER.inputs().toString());
        assertEquals("[sum:float32[batch], positive:bool[batch,4], where:int64[2,nonzero]]", REDUCE.outputs().toString());
        assertEquals(ExecutionProvider.CPU, AFFINE.provider());
        assertTrue(ORT.ortVersion().startsWith("1.29"), ORT.ortVersion());
    }

    @Test
    void fileAndBytesGiveTheSameSession(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("affine.onnx");
        Files.write(file, OrtTestModels.affineFloat32());
        float[] x = OrtTestModels.randomFloats(new Random(7), 21);
        Map<String, HostTensor> feed = Map.of("x", HostTensor.ofFloats(x, 7, 3));
        try (InferenceSession fromFile = ORT.open(file, CPU)) {
            assertArrayEquals(AFFINE.run(feed).get("y").floats(), fromFile.run(feed).get("y").floats());
        }
    }
}
