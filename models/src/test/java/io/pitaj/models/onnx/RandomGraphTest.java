package io.pitaj.models.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.GraphExporter;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.ops.Binary;
import io.pitaj.models.graph.ops.Compare;
import io.pitaj.models.graph.ops.Reduce;
import io.pitaj.models.graph.ops.Unary;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Random compositions of ops: ORT and the interpreter agree on every one, and together they reach every op kind. */
class RandomGraphTest {
    private static final int SEEDS = 300, MOVES = 10;
    private static final int[] BATCHES = {1, 3, 64};

    @Test
    void ortAgreesWithInterpreterOnRandomF64Graphs() {
        TreeSet<String> seen = new TreeSet<>();
        for (int seed = 0; seed < SEEDS; seed++) {
            Map<String, Node> outputs = RandomGraphs.generate(seed, DType.F64, MOVES);
            for (Node n : Graph.topologicalOrder(outputs.values())) seen.add(kind(n.op()));
            check(outputs, DType.F64, seed);
        }
        TreeSet<String> all = new TreeSet<>();
        for (Unary u : Unary.values()) all.add(kind(u));
        for (Binary b : Binary.values()) all.add(kind(b));
        for (Compare c : Compare.values()) all.add(kind(c));
        for (Reduce.Kind k : Reduce.Kind.values()) all.add(k.onnxName());
        all.addAll(java.util.List.of("Input", "Constant", "Where", "MatMul", "Reshape", "Transpose", "Concat", "Slice",
                "Pad", "Gather", "ScatterAdd", "ExpandLike", "Cast", "StopGradient"));
        all.removeAll(seen);
        assertEquals(new TreeSet<String>(), all, "op kinds the random graphs never reached");
    }

    @Test
    void ortAgreesWithInterpreterOnRandomF32Graphs() {
        for (int seed = 0; seed < SEEDS / 3; seed++) check(RandomGraphs.generate(seed, DType.F32, MOVES), DType.F32, seed);
    }

    private static void check(Map<String, Node> outputs, DType f, int seed) {
        int batch = BATCHES[seed % BATCHES.length];
        try {
            OrtAgreement.check(outputs, GraphExporter.Options.named("random" + seed), batch, OrtAgreement.tolerance(f), seed);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("seed " + seed + ", batch " + batch + ":\n" + Graph.describe(outputs.values()), e);
        }
    }

    /** The op kind: the enum constant for element-wise families, the reduction kind, else the op class. */
    private static String kind(Op op) {
        if (op instanceof Unary || op instanceof Binary || op instanceof Compare) {
            Enum<?> e = (Enum<?>) op;
            return e.getDeclaringClass().getSimpleName() + "." + e.name();
        }
        if (op instanceof Reduce r) return r.kind().onnxName();
        return op.getClass().getSimpleName();
    }
}
