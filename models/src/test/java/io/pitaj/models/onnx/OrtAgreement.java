package io.pitaj.models.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.GraphExporter;
import io.pitaj.models.graph.Interpreter;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.graph.ops.Input;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Exports a graph, runs it in ONNX Runtime and in the double-precision {@link Interpreter}, and compares. */
final class OrtAgreement {
    private OrtAgreement() {}

    /** Relative tolerance at which a graph of the given float type must agree with the F64 interpreter. */
    static double tolerance(DType floatType) { return floatType == DType.F32 ? 2e-5 : 1e-10; }

    /** Random values for the inputs the outputs depend on, with the batch bound to {@code batch}; weights excluded. */
    static Map<String, Tensor> randomFeeds(Map<String, Node> outputs, Map<String, Tensor> weights, int batch, Random rnd) {
        Map<String, Tensor> feeds = new HashMap<>(weights);
        for (Node n : Graph.topologicalOrder(outputs.values())) {
            if (!(n.op() instanceof Input in) || weights.containsKey(in.inputName())) continue;
            feeds.put(in.inputName(), random(n.dtype(), n.shape().bind(batch), rnd));
        }
        return feeds;
    }

    /** Normal floats (already rounded to float32 for F32, so both sides see the same numbers), small ints, coin flips. */
    static Tensor random(DType dtype, int[] shape, Random rnd) {
        Tensor t = Tensor.zeros(shape);
        double[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            switch (dtype) {
                case F32 -> d[i] = (float) rnd.nextGaussian();
                case F64 -> d[i] = rnd.nextGaussian();
                case I64 -> d[i] = rnd.nextInt(7) - 3;
                case BOOL -> d[i] = rnd.nextBoolean() ? 1 : 0;
            }
        }
        return t;
    }

    /** Exports with {@code options}, feeds random inputs at the given batch, and checks ORT against the interpreter. */
    static void check(Map<String, Node> outputs, GraphExporter.Options options, int batch, double rtol, long seed) {
        Map<String, Tensor> feeds = randomFeeds(outputs, options.weights(), batch, new Random(seed));
        byte[] model = GraphExporter.toBytes(outputs, options);
        List<Tensor> expected = Interpreter.run(new ArrayList<>(outputs.values()), feeds);
        List<Tensor> actual = OrtRunner.run(model, feeds);
        assertEquals(outputs.size(), actual.size(), "number of outputs");
        int k = 0;
        for (String name : outputs.keySet()) {
            assertClose(name + " (batch " + batch + ")", expected.get(k), actual.get(k), rtol);
            k++;
        }
    }

    /**
     * Element-wise |actual − expected| ≤ rtol · (|expected| + scale), where scale is the largest magnitude in the
     * expected tensor: relative error, measured against the tensor's own scale where cancellation makes single
     * elements small. NaNs must match.
     */
    static void assertClose(String what, Tensor expected, Tensor actual, double rtol) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double scale = 0;
        for (double v : expected.data()) if (Double.isFinite(v)) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.data()[i], a = actual.data()[i];
            if (Double.isNaN(e) || Double.isNaN(a) || Double.isInfinite(e)) {
                if (Double.compare(e, a) != 0) fail(what + "[" + i + "]: expected " + e + ", ORT gave " + a);
            } else if (Math.abs(a - e) > rtol * (Math.abs(e) + scale)) {
                fail(what + "[" + i + "]: expected " + e + ", ORT gave " + a + " (rtol " + rtol + ")");
            }
        }
    }
}
