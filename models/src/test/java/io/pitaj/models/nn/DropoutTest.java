package io.pitaj.models.nn;

import static org.junit.jupiter.api.Assertions.*;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.GraphExporter;
import io.pitaj.models.graph.Interpreter;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.HostTensor;
import io.pitaj.models.runtime.GraphTensors;
import io.pitaj.models.runtime.InferenceSession;
import io.pitaj.models.runtime.OrtRuntime;
import io.pitaj.models.runtime.SessionSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In-graph dropout masks: the interpreter and ONNX Runtime compute the same masks, the masks have the configured
 * rate, depend on (seed, step) and on nothing else, and neighbouring elements, rows and streams are independent.
 */
class DropoutTest {
    private static final int BATCH = 64, TOKENS = 22, WIDTH = 48;
    private static final double RATE = 0.1;

    /** Two masks of [B, 22, 48] from one graph (two dropout sites), as 0/1 keep indicators. */
    private static Map<String, Node> masks(Graph g) {
        Node rows = g.input("rows", DType.I64, Shape.BATCH);
        Node key = g.input("key", DType.I64, Shape.SCALAR);
        Node ones = g.input("x", DType.F32, Shape.BATCH, TOKENS, WIDTH);
        Dropout dropout = Dropout.withRate(RATE, rows, key);
        Map<String, Node> out = new java.util.LinkedHashMap<>();
        out.put("first", dropout.apply(ones).mul(1 - RATE));
        out.put("second", dropout.apply(ones).mul(1 - RATE));
        return out;
    }

    private static Map<String, Tensor> inputs(long seed, long step) {
        double[] rows = java.util.Arrays.stream(Dropout.rowBases(BATCH)).asDoubleStream().toArray();
        return Map.of("rows", new Tensor(new int[] {BATCH}, rows), "key", Tensor.scalar(Dropout.stepKey(seed, step)),
                "x", Tensor.filled(1, BATCH, TOKENS, WIDTH));
    }

    private static List<Tensor> interpret(long seed, long step) {
        Graph g = new Graph();
        Map<String, Node> out = masks(g);
        return Interpreter.run(List.of(out.get("first"), out.get("second")), inputs(seed, step));
    }

    @Test
    void interpreterAndOnnxRuntimeAgreeExactly() {
        Graph g = new Graph();
        Map<String, Node> out = masks(g);
        try (InferenceSession session = OrtRuntime.shared().open(GraphExporter.export(out, GraphExporter.Options.named("dropout")),
                SessionSettings.cpu(1))) {
            for (long step : new long[] {1, 2, 250_000}) {
                Map<String, Tensor> in = inputs(7, step);
                Map<String, HostTensor> feed = new java.util.HashMap<>();
                in.forEach((name, t) -> feed.put(name, GraphTensors.toHost(t, session.input(name).dtype())));
                Map<String, HostTensor> ort = session.run(feed);
                List<Tensor> ref = Interpreter.run(List.of(out.get("first"), out.get("second")), in);
                assertArrayEquals(ref.get(0).data(), GraphTensors.fromHost(ort.get("first")).data(), 0.0, "first mask, step " + step);
                assertArrayEquals(ref.get(1).data(), GraphTensors.fromHost(ort.get("second")).data(), 0.0, "second mask, step " + step);
            }
        }
    }

    @Test
    void masksHaveTheRateAndAreIndependentOfEachOther() {
        List<Tensor> m = interpret(7, 1);
        double[] a = m.get(0).data(), b = m.get(1).data();
        int n = a.length;
        // dropped fraction: binomial, n = 67,584, σ ≈ 0.0012; 4σ bounds
        double dropped = 1 - mean(a);
        assertEquals(RATE, dropped, 4 * Math.sqrt(RATE * (1 - RATE) / n), "dropped fraction");
        assertEquals(RATE, 1 - mean(b), 4 * Math.sqrt(RATE * (1 - RATE) / n), "dropped fraction of the second site");
        // correlations between neighbours along the width, along the batch, and between the two sites: 4/√n ≈ 0.015
        double bound = 4 / Math.sqrt(n);
        assertEquals(0, correlation(a, 1), bound, "neighbouring elements");
        assertEquals(0, correlation(a, TOKENS * WIDTH), bound, "neighbouring rows");
        assertEquals(0, correlation(a, b), bound, "the two dropout sites");
    }

    @Test
    void masksAreAFunctionOfSeedAndStepOnly() {
        assertEquals(interpret(7, 3), interpret(7, 3));
        double[] base = interpret(7, 3).get(0).data();
        assertEquals(0, correlation(base, interpret(7, 4).get(0).data()), 4 / Math.sqrt(base.length), "next step");
        assertEquals(0, correlation(base, interpret(8, 3).get(0).data()), 4 / Math.sqrt(base.length), "other seed");
    }

    @Test
    void widthsThatAreNoMultipleOfFourGetOneHashPerElement() {
        Graph g = new Graph();
        Node rows = g.input("rows", DType.I64, Shape.BATCH), key = g.input("key", DType.I64, Shape.SCALAR);
        Node mask = Dropout.withRate(RATE, rows, key).apply(g.input("x", DType.F32, Shape.BATCH, 37, 7)).mul(1 - RATE);
        Map<String, Tensor> in = Map.of("rows", new Tensor(new int[] {BATCH},
                        java.util.Arrays.stream(Dropout.rowBases(BATCH)).asDoubleStream().toArray()),
                "key", Tensor.scalar(Dropout.stepKey(3, 9)), "x", Tensor.filled(1, BATCH, 37, 7));
        double[] ref = Interpreter.run(List.of(mask), in).get(0).data();
        Map<String, Node> out = new java.util.LinkedHashMap<>();
        out.put("mask", mask);
        try (InferenceSession session = OrtRuntime.shared().open(GraphExporter.export(out, GraphExporter.Options.named("odd")),
                SessionSettings.cpu(1))) {
            Map<String, HostTensor> feed = new java.util.HashMap<>();
            in.forEach((name, t) -> feed.put(name, GraphTensors.toHost(t, session.input(name).dtype())));
            assertArrayEquals(ref, GraphTensors.fromHost(session.run(feed).get("mask")).data(), 0.0);
        }
        assertEquals(RATE, 1 - mean(ref), 4 * Math.sqrt(RATE * (1 - RATE) / ref.length));
        assertEquals(0, correlation(ref, 1), 4 / Math.sqrt(ref.length));
    }

    @Test
    void offIsTheIdentityAndBadRatesAreRefused() {
        Graph g = new Graph();
        Node x = g.input("x", DType.F32, Shape.BATCH, 3);
        assertSame(x, Dropout.OFF.apply(x));
        Node rows = g.input("rows", DType.I64, Shape.BATCH), key = g.input("key", DType.I64, Shape.SCALAR);
        assertThrows(IllegalArgumentException.class, () -> Dropout.withRate(1, rows, key));
        assertThrows(IllegalArgumentException.class, () -> Dropout.withRate(0, rows, key));
        assertThrows(IllegalArgumentException.class, () -> Dropout.rowBases(Dropout.MAX_ROWS + 1));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) s += d;
        return s / v.length;
    }

    private static double correlation(double[] v, int lag) {
        return correlation(java.util.Arrays.copyOfRange(v, 0, v.length - lag), java.util.Arrays.copyOfRange(v, lag, v.length));
    }

    private static double correlation(double[] a, double[] b) {
        double ma = mean(a), mb = mean(b), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
