package io.pitaj.models.onnx;

import static io.pitaj.models.graph.Shape.BATCH;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.GraphExporter;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.graph.ops.Binary;
import io.pitaj.models.graph.ops.Compare;
import io.pitaj.models.graph.ops.Input;
import io.pitaj.models.graph.ops.Unary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every op, and every broadcasting and axis variant that lowers differently, exported and run in ONNX Runtime
 * against the interpreter, in F64 and F32, with the symbolic batch bound to 1, 3 and 64.
 */
class OpLoweringTest {
    /** A small graph over fresh inputs, built for a float type; returns its named outputs. */
    record Case(String name, BiFunction<Graph, DType, Map<String, Node>> build) {
        @Override public String toString() { return name; }
    }

    static Stream<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        for (Case c : table()) {
            for (DType f : List.of(DType.F64, DType.F32)) {
                for (int batch : new int[] {1, 3, 64}) args.add(Arguments.of(c, f, batch));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} {1} batch {2}")
    @MethodSource("cases")
    void ortAgreesWithInterpreter(Case c, DType f, int batch) {
        Map<String, Node> outputs = c.build().apply(new Graph(), f);
        OrtAgreement.check(outputs, GraphExporter.Options.named(c.name()), batch, OrtAgreement.tolerance(f), batch);
    }

    /** The same values from one ONNX LayerNormalization node, the lowering for GPUs. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(value = DType.class, names = {"F32", "F64"})
    void fusedLayerNormalizationAgreesWithInterpreter(DType f) {
        Graph g = new Graph();
        Node x = x(g, f), w = g.input("w", f, 4);
        Map<String, Node> outputs = out("weight", x.layerNorm(w, null, 1e-5), "both", x.layerNorm(w, g.input("b", f, 4), 0.5));
        GraphExporter.Options fused = GraphExporter.Options.named("fused_layer_norm").withFusedLayerNorm(true);
        assertTrue(GraphExporter.export(outputs, fused).getGraph().getNodeList().stream()
                .anyMatch(n -> n.getOpType().equals("LayerNormalization")), "one LayerNormalization node");
        OrtAgreement.check(outputs, fused, 3, OrtAgreement.tolerance(f), 3);
    }

    private static List<Case> table() {
        List<Case> t = new ArrayList<>();
        for (Unary u : Unary.values()) {
            // Log and Sqrt see positive arguments; the others the raw normal input
            boolean positive = u == Unary.LOG || u == Unary.SQRT;
            t.add(new Case(u.name(), (g, f) -> {
                Node x = x(g, f);
                return out("y", g.apply(u, positive ? x.abs().add(0.1) : x));
            }));
        }
        for (Binary b : Binary.values()) {
            t.add(new Case(b.name() + " same shape", (g, f) -> binary(g, b, x(g, f), g.input("b", f, BATCH, 3, 4))));
            t.add(new Case(b.name() + " batch ∘ row", (g, f) -> binary(g, b, x(g, f), g.input("b", f, 4))));
            t.add(new Case(b.name() + " batch ∘ column", (g, f) -> binary(g, b, x(g, f), g.input("b", f, 3, 1))));
            t.add(new Case(b.name() + " row ∘ batch", (g, f) -> binary(g, b, g.input("a", f, 1, 4), x(g, f))));
            t.add(new Case(b.name() + " both broadcast", (g, f) -> binary(g, b, g.input("a", f, BATCH, 3, 1), g.input("b", f, 1, 4))));
            t.add(new Case(b.name() + " scalar constant", (g, f) -> binary(g, b, x(g, f), g.scalar(0.75, f))));
        }
        for (Compare c : Compare.values()) {
            t.add(new Case(c.name() + " float broadcast", (g, f) ->
                    out("m", g.apply(c, x(g, f), g.input("b", f, 3, 1)).cast(f))));
            t.add(new Case(c.name() + " int64", (g, f) ->
                    out("m", g.apply(c, g.input("i", DType.I64, BATCH, 5), g.input("j", DType.I64, 5))
                            .where(g.scalar(1, f), g.scalar(-1, f)))));
            t.add(new Case(c.name() + " bool", (g, f) ->
                    out("m", g.apply(c, g.input("p", DType.BOOL, BATCH, 5), g.input("q", DType.BOOL, BATCH, 5)))));
        }
        t.add(new Case("Where broadcast", (g, f) ->
                out("w", g.input("c", DType.BOOL, BATCH, 3, 1).where(g.input("a", f, 4), g.scalar(-2, f)))));
        t.add(new Case("Where int64 branches", (g, f) ->
                out("w", g.input("c", DType.BOOL, BATCH, 4).where(g.input("a", DType.I64, BATCH, 4), g.input("b", DType.I64, 4)))));
        t.add(new Case("MatMul batch @ static", (g, f) -> out("y", x(g, f).matmul(g.input("w", f, 4, 5)))));
        t.add(new Case("MatMul batch @ batch", (g, f) -> out("y", x(g, f).matmul(g.input("w", f, BATCH, 4, 2)))));
        t.add(new Case("MatMul static @ batch", (g, f) -> out("y", g.input("a", f, 2, 3).matmul(g.input("w", f, BATCH, 3, 2)))));
        t.add(new Case("MatMul leading broadcast", (g, f) ->
                out("y", g.input("a", f, BATCH, 1, 3, 4).matmul(g.input("w", f, 2, 4, 5)))));
        t.add(new Case("MatMulTransposed batch @ staticᵀ", (g, f) -> out("y", x(g, f).matmulTransposed(g.input("w", f, 5, 4)))));
        t.add(new Case("MatMulTransposed batch @ batchᵀ", (g, f) ->
                out("y", x(g, f).matmulTransposed(g.input("k", f, BATCH, 2, 4)))));
        t.add(new Case("LeadingContraction (one GEMM over the flattened leading axes)", (g, f) ->
                out("y", x(g, f).contractLeading(g.input("gy", f, BATCH, 3, 5)))));
        t.add(new Case("Softmax along each static axis", (g, f) -> out("s1", x(g, f).softmax(1), "s2", x(g, f).softmax(-1))));
        t.add(new Case("LayerNormalization with and without bias", (g, f) -> {
            Node w = g.input("w", f, 4);
            return out("weight", x(g, f).layerNorm(w, null, 1e-5), "both", x(g, f).layerNorm(w, g.input("b", f, 4), 0.5));
        }));
        t.add(new Case("Mul of a trailing column by a scalar", (g, f) ->
                out("y", g.input("c", f, BATCH, 3, 1).mul(g.scalar(1.5, f)), "z", g.input("d", f, 2, BATCH, 1, 1).add(g.input("r", f, 1)))));
        t.add(new Case("Reduce", (g, f) -> {
            Node x = x(g, f);
            Map<String, Node> o = new LinkedHashMap<>();
            o.put("sum1", x.sum(1));
            o.put("sumBatchKeep", x.sumKeep(0));
            o.put("sumLeadingKeep (ones·X GEMM)", x.sumKeep(0, 1));
            o.put("sumLeading (ones·X GEMM)", x.sum(0, 1));
            o.put("mean02", x.mean(0, 2));
            o.put("meanKeep2", x.meanKeep(2));
            o.put("max2", x.reduceMax(2));
            o.put("maxBatchKeep", x.reduceMaxKeep(0, 1));
            o.put("sumAll", x.sumAll());
            o.put("meanAll", x.meanAll());
            o.put("scalarSum", x.sumAll().sum());
            return o;
        }));
        t.add(new Case("Reshape", (g, f) -> {
            Node x = x(g, f);
            return out("flat", x.reshape(BATCH, 12), "batchInside", x.transpose(1, 0, 2).reshape(3, BATCH, 2, 2), "static",
                    g.input("s", f, 2, 6).reshape(3, 4));
        }));
        t.add(new Case("Transpose", (g, f) -> out("t", x(g, f).transpose(2, 0, 1), "mT", x(g, f).mT())));
        t.add(new Case("Concat", (g, f) -> out(
                "c1", Node.concat(1, x(g, f), g.input("b", f, BATCH, 2, 4)),
                "c0", Node.concat(0, g.input("i", DType.I64, 2, BATCH), g.input("j", DType.I64, 1, BATCH)))));
        t.add(new Case("Slice", (g, f) -> out("s", x(g, f).slice(2, 1, 3), "t", x(g, f).slice(1, 0, 1))));
        t.add(new Case("Pad", (g, f) -> out("p", x(g, f).pad(1, 2, 1), "q", g.input("m", DType.BOOL, BATCH, 2).pad(1, 0, 3))));
        t.add(new Case("Gather", (g, f) -> out("g", x(g, f).gather(1, 2, 0, 2, 2, 1), "h", x(g, f).gather(2, 3))));
        t.add(new Case("ScatterAdd pair list", (g, f) -> {
            int n = 4;
            int[] i = new int[n * (n - 1)];
            for (int a = 0, e = 0; a < n; a++) for (int b = 0; b < n; b++) if (a != b) i[e++] = a;
            return out("agg", g.input("m", f, BATCH, i.length, 3).scatterAdd(1, n, i));
        }));
        t.add(new Case("ScatterAdd irregular with empty positions", (g, f) ->
                out("s", x(g, f).scatterAdd(1, 5, 4, 0, 4), "t", x(g, f).scatterAdd(2, 3, 1, 1, 1, 0))));
        t.add(new Case("ScatterAdd one each", (g, f) ->
                out("perm", x(g, f).scatterAdd(1, 3, 2, 0, 1), "holes", x(g, f).scatterAdd(2, 6, 5, 0, 3, 1))));
        t.add(new Case("ScatterAdd batch last, int64", (g, f) ->
                out("s", g.input("a", f, 4, BATCH).scatterAdd(0, 2, 1, 1, 0, 1),
                        "int", g.input("i", DType.I64, BATCH, 3).scatterAdd(1, 2, 0, 0, 1))));
        t.add(new Case("ExpandLike", (g, f) -> out(
                "row", g.input("r", f, 4).expandLike(x(g, f)),
                "both", g.input("c", f, 3, 1).expandLike(g.input("like", f, BATCH, 1, 5)),
                "static", g.input("s", f, 4).expandLike(g.input("like2", f, 2, 3, 4)),
                "scalar", g.scalar(2.5, f).expandLike(x(g, f)))));
        t.add(new Case("Cast", (g, f) -> {
            Node x = x(g, f).mul(3);
            DType other = f == DType.F64 ? DType.F32 : DType.F64;
            return out("toOther", x.cast(other), "toInt", x.cast(DType.I64), "toBool", x.cast(DType.I64).cast(DType.BOOL),
                    "boolToFloat", x.gt(g.scalar(0, f)).cast(f), "intToFloat", g.input("i", DType.I64, BATCH, 2).cast(f));
        }));
        t.add(new Case("StopGradient", (g, f) -> out("s", x(g, f).stopGradient())));
        t.add(new Case("Constants of every type", (g, f) -> out(
                "float", g.constant(Tensor.vector(0.1, -2, 3.5), f),
                "scalar", g.scalar(Math.PI, f),
                "int", g.constant(Tensor.vector(7, -3), DType.I64),
                "bool", g.constant(Tensor.vector(1, 0, 1), DType.BOOL),
                "used", x(g, f).add(g.constant(Tensor.vector(0.1, 0.2, 0.3, 0.4), f)))));
        t.add(new Case("Input as output", (g, f) -> out("x", x(g, f), "copy", x(g, f))));
        return t;
    }

    /** The common input: shape [N, 3, 4]. */
    private static Node x(Graph g, DType f) {
        return g.inputs().stream().filter(n -> ((Input) n.op()).inputName().equals("x")).findFirst()
                .orElseGet(() -> g.input("x", f, BATCH, 3, 4));
    }

    /** a ∘ b with the domain kept real and finite: positive bases for Pow, denominators away from zero. */
    private static Map<String, Node> binary(Graph g, Binary op, Node a, Node b) {
        return switch (op) {
            case POW -> out("y", g.apply(op, a.abs().add(0.5), b));
            case DIV -> out("y", g.apply(op, a, b.abs().add(0.5)));
            default -> out("y", g.apply(op, a, b));
        };
    }

    private static Map<String, Node> out(Object... nameNode) {
        Map<String, Node> m = new LinkedHashMap<>();
        for (int i = 0; i < nameNode.length; i += 2) m.put((String) nameNode[i], (Node) nameNode[i + 1]);
        return m;
    }
}
