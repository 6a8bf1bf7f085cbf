package io.pitaj.models.graph;

import static io.pitaj.models.graph.RandomTensors.normal;
import static io.pitaj.models.graph.RandomTensors.spaced;
import static io.pitaj.models.graph.RandomTensors.uniform;

import io.pitaj.models.graph.RandomTensors.Sampler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * First and second derivatives of every differentiable op, one row per op and broadcasting variant, against central
 * differences in double precision, through a random-weighted sum of the op's output
 * ({@link FiniteDifferences#assertDerivativesOfWeightedSumMatch}). Inputs are drawn away from kinks and ties.
 */
class OpDerivativesTest {
    private static final int N = Shape.BATCH;
    private static final int BATCH_SIZE = 3;

    /** One graph input of a row: its shape (possibly batched) and how its values are drawn. */
    record Arg(Shape shape, Sampler sampler) {}

    /** A row of the table. */
    record Row(String name, List<Arg> args, Function<Node[], Node> op, double step, double tol) {
        @Override public String toString() { return name; }
    }

    private static Arg arg(Sampler s, int... dims) { return new Arg(Shape.of(dims), s); }

    private static Row row(String name, Function<Node[], Node> op, Arg... args) {
        return new Row(name, List.of(args), op, FiniteDifferences.STEP, FiniteDifferences.TOLERANCE);
    }

    private static final Sampler NORMAL = normal(), POSITIVE = uniform(0.5, 2);
    private static final Sampler APART = spaced(0), APART_SHIFTED = spaced(0.15);

    static Stream<Row> rows() {
        List<Row> rows = new ArrayList<>();
        binaryRows(rows);
        unaryRows(rows);
        selectionRows(rows);
        matmulRows(rows);
        compositeRows(rows);
        reductionRows(rows);
        shapeRows(rows);
        return rows.stream();
    }

    private static void binaryRows(List<Row> rows) {
        record Bin(String name, BinaryOperator<Node> f, Sampler a, Sampler b) {}
        // divisors away from zero, positive bases for a tensor exponent, max/min operands never tied
        List<Bin> ops = List.of(
                new Bin("add", Node::add, NORMAL, NORMAL),
                new Bin("sub", Node::sub, NORMAL, NORMAL),
                new Bin("mul", Node::mul, NORMAL, NORMAL),
                new Bin("div", Node::div, NORMAL, APART_SHIFTED),
                new Bin("pow", Node::pow, POSITIVE, NORMAL),
                new Bin("max", Node::max, APART, APART_SHIFTED),
                new Bin("min", Node::min, APART, APART_SHIFTED));
        int[][][] variants = {
                {{N, 3}, {N, 3}},
                {{}, {2, 3}},
                {{2, 3}, {}},
                {{N, 1, 3}, {4, 3}},
                {{N, 3}, {3}},
                {{2, 1}, {N, 1, 3}},
        };
        for (Bin b : ops) {
            for (int[][] v : variants) {
                rows.add(row(b.name + " " + Shape.of(v[0]) + "⊕" + Shape.of(v[1]), in -> b.f.apply(in[0], in[1]),
                        arg(b.a, v[0]), arg(b.b, v[1])));
            }
        }
        rows.add(row("pow constant exponent 3", in -> in[0].pow(3), arg(NORMAL, N, 3)));
        rows.add(row("mul x⊙x (one input twice)", in -> in[0].mul(in[0]), arg(NORMAL, N, 3)));
    }

    private static void unaryRows(List<Row> rows) {
        record Un(String name, Function<Node, Node> f, Sampler s) {}
        List<Un> ops = List.of(
                new Un("neg", Node::neg, NORMAL), new Un("exp", Node::exp, NORMAL), new Un("log", Node::log, POSITIVE),
                new Un("sqrt", Node::sqrt, POSITIVE), new Un("tanh", Node::tanh, NORMAL),
                new Un("sigmoid", Node::sigmoid, NORMAL), new Un("sin", Node::sin, NORMAL), new Un("cos", Node::cos, NORMAL),
                new Un("abs", Node::abs, APART_SHIFTED), new Un("sign (zero derivative)", Node::sign, APART_SHIFTED),
                new Un("square", Node::square, NORMAL), new Un("rsub 2−x", x -> x.rsub(2), NORMAL));
        for (Un u : ops) rows.add(row(u.name + " [N,2,3]", in -> u.f.apply(in[0]), arg(u.s, N, 2, 3)));
    }

    /** Comparisons only route gradients through where; the mask inputs themselves must get zero gradient. */
    private static void selectionRows(List<Row> rows) {
        record Cmp(String name, BinaryOperator<Node> f, Sampler a) {}
        // operands of a comparison never within a step of each other (nor of zero for the sign masks)
        List<Cmp> cmps = List.of(new Cmp("lt", Node::lt, APART), new Cmp("le", Node::le, APART),
                new Cmp("gt", Node::gt, APART), new Cmp("ge", Node::ge, APART),
                new Cmp("eq of sign masks", (a, b) -> a.gt(zero(a)).eq(b.gt(zero(b))), APART_SHIFTED));
        for (Cmp c : cmps) {
            rows.add(row("where(" + c.name + ") mask[N,3] a[N,3] b[3]",
                    in -> c.f.apply(in[0], in[1]).where(in[0].mul(in[1]), in[1].exp()),
                    arg(c.a, N, 3), arg(APART_SHIFTED, 3)));
        }
        rows.add(row("where mask[3] a[N,2,3] b[]", in -> in[2].gt(zero(in[2])).where(in[0].sin(), in[1]),
                arg(NORMAL, N, 2, 3), arg(NORMAL), arg(APART_SHIFTED, 3)));
        rows.add(row("where mask[N,1,1] a[2,3] b[N,2,3]", in -> in[2].lt(zero(in[2])).where(in[0], in[1].square()),
                arg(NORMAL, 2, 3), arg(NORMAL, N, 2, 3), arg(APART_SHIFTED, N, 1, 1)));
    }

    private static void matmulRows(List<Row> rows) {
        rows.add(row("matmul [2,3]@[3,4]", in -> in[0].matmul(in[1]), arg(NORMAL, 2, 3), arg(NORMAL, 3, 4)));
        rows.add(row("matmul [N,3]@[3,2]", in -> in[0].matmul(in[1]), arg(NORMAL, N, 3), arg(NORMAL, 3, 2)));
        rows.add(row("matmul [N,2,3]@[3,4]", in -> in[0].matmul(in[1]), arg(NORMAL, N, 2, 3), arg(NORMAL, 3, 4)));
        rows.add(row("matmul [2,3]@[N,3,4]", in -> in[0].matmul(in[1]), arg(NORMAL, 2, 3), arg(NORMAL, N, 3, 4)));
        rows.add(row("matmul [N,1,2,3]@[4,3,2]", in -> in[0].matmul(in[1]), arg(NORMAL, N, 1, 2, 3), arg(NORMAL, 4, 3, 2)));
        rows.add(row("matmul over the batch [N,3]ᵀ@[N,2]", in -> in[0].mT().matmul(in[1]),
                arg(NORMAL, N, 3), arg(NORMAL, N, 2)));
        rows.add(row("matmul [N,2,3]@[N,3,2]", in -> in[0].matmul(in[1]), arg(NORMAL, N, 2, 3), arg(NORMAL, N, 3, 2)));
        rows.add(row("matmul inner 1 [N,3,1]@[1,2] (an outer product)", in -> in[0].matmul(in[1]), arg(NORMAL, N, 3, 1),
                arg(NORMAL, 1, 2)));
        rows.add(row("contractLeading [N,2,3]ᵀ·[N,2,4] (a shared weight's gradient)", in -> in[0].contractLeading(in[1]),
                arg(NORMAL, N, 2, 3), arg(NORMAL, N, 2, 4)));
        rows.add(row("matmul [N,2,3]@[3,4] (weight gradient by contractLeading)", in -> in[0].matmul(in[1]), arg(NORMAL, N, 2, 3),
                arg(NORMAL, 3, 4)));
        rows.add(row("matmulTransposed [N,2,3]@[4,3]ᵀ", in -> in[0].matmulTransposed(in[1]), arg(NORMAL, N, 2, 3),
                arg(NORMAL, 4, 3)));
        rows.add(row("matmulTransposed [N,2,3]@[N,4,3]ᵀ", in -> in[0].matmulTransposed(in[1]), arg(NORMAL, N, 2, 3),
                arg(NORMAL, N, 4, 3)));
    }

    private static void compositeRows(List<Row> rows) {
        rows.add(row("silu [N,2,3]", in -> in[0].silu(), arg(NORMAL, N, 2, 3)));
        rows.add(row("geluTanh [N,2,3]", in -> in[0].geluTanh(), arg(NORMAL, N, 2, 3)));
        rows.add(row("softmax(-1) of [N,2,4]", in -> in[0].softmax(-1), arg(NORMAL, N, 2, 4)));
        rows.add(row("softmax(1) of [N,3,2]", in -> in[0].softmax(1), arg(NORMAL, N, 3, 2)));
        rows.add(row("layerNorm weight [N,2,5]", in -> in[0].layerNorm(in[1], null, 1e-5), arg(NORMAL, N, 2, 5), arg(NORMAL, 5)));
        rows.add(row("layerNorm weight, bias [N,5]", in -> in[0].layerNorm(in[1], in[2], 0.5), arg(NORMAL, N, 5), arg(NORMAL, 5),
                arg(NORMAL, 5)));
        rows.add(row("pad+pad of adjacent slices (joined into a concat)", in -> in[0].slice(1, 0, 2).exp().pad(1, 0, 3)
                .add(in[0].slice(1, 2, 5).sin().pad(1, 2, 0)), arg(NORMAL, N, 5)));
        rows.add(row("regrouped product (x·a)·b", in -> in[0].mul(in[1]).mul(in[2]), arg(NORMAL, N, 2, 3), arg(NORMAL, 3),
                arg(NORMAL, 2, 1)));
    }

    private static void reductionRows(List<Row> rows) {
        record Red(String name, Function<Node, Node> f) {}
        List<Red> reds = List.of(
                new Red("sum(2)", x -> x.sum(2)), new Red("sum(0) over the batch", x -> x.sum(0)),
                new Red("sumKeep(1)", x -> x.sumKeep(1)), new Red("sum(0,2)", x -> x.sum(0, 2)),
                new Red("sumAll", Node::sumAll), new Red("sum(-1)", x -> x.sum(-1)),
                new Red("mean(2)", x -> x.mean(2)), new Red("mean(0) over the batch", x -> x.mean(0)),
                new Red("meanKeep(0,1)", x -> x.meanKeep(0, 1)), new Red("meanAll", Node::meanAll),
                new Red("reduceMax(2)", x -> x.reduceMax(2)), new Red("reduceMax(0) over the batch", x -> x.reduceMax(0)),
                new Red("reduceMaxKeep(1)", x -> x.reduceMaxKeep(1)), new Red("reduceMax all", x -> x.reduceMax(0, 1, 2)));
        // spaced values: no ties for reduceMax
        for (Red r : reds) rows.add(row(r.name + " of [N,3,4]", in -> r.f.apply(in[0]), arg(APART, N, 3, 4)));
        rows.add(row("mean(1) of static [2,5]", in -> in[0].mean(1), arg(NORMAL, 2, 5)));
    }

    private static void shapeRows(List<Row> rows) {
        rows.add(row("reshape [N,6]→[N,2,3]", in -> in[0].reshape(N, 2, 3), arg(NORMAL, N, 6)));
        rows.add(row("reshape [2,6]→[3,4]", in -> in[0].reshape(3, 4), arg(NORMAL, 2, 6)));
        rows.add(row("reshape [2,N,3]→[2,N,3,1]", in -> in[0].reshape(2, N, 3, 1), arg(NORMAL, 2, N, 3)));
        rows.add(row("transpose (0,2,1) of [N,2,3]", in -> in[0].transpose(0, 2, 1), arg(NORMAL, N, 2, 3)));
        rows.add(row("transpose (2,0,1) of [N,2,3]: batch moves", in -> in[0].transpose(2, 0, 1), arg(NORMAL, N, 2, 3)));
        rows.add(row("mT of [N,2,3]", in -> in[0].mT(), arg(NORMAL, N, 2, 3)));
        rows.add(row("slice(1,1,3) of [N,4,3]", in -> in[0].slice(1, 1, 3), arg(NORMAL, N, 4, 3)));
        rows.add(row("slice(-1,0,1) of [N,4,3]", in -> in[0].slice(-1, 0, 1), arg(NORMAL, N, 4, 3)));
        rows.add(row("pad(1,1,2) of [N,2,3]", in -> in[0].pad(1, 1, 2), arg(NORMAL, N, 2, 3)));
        rows.add(row("pad(0,2,0) of [2,3]", in -> in[0].pad(0, 2, 0), arg(NORMAL, 2, 3)));
        rows.add(row("concat(1) of [N,2,3],[N,1,3],[N,3,3]", in -> Node.concat(1, in[0], in[1], in[2]),
                arg(NORMAL, N, 2, 3), arg(NORMAL, N, 1, 3), arg(NORMAL, N, 3, 3)));
        rows.add(row("concat(-1) of [2,3],[2,1]", in -> Node.concat(-1, in[0], in[1]),
                arg(NORMAL, 2, 3), arg(NORMAL, 2, 1)));
        rows.add(row("concat(1) of one input twice", in -> Node.concat(1, in[0], in[0].exp()), arg(NORMAL, N, 2)));
        rows.add(row("gather(1) repeated indices of [N,3,2]", in -> in[0].gather(1, 0, 2, 2, 1, 0), arg(NORMAL, N, 3, 2)));
        rows.add(row("gather(0) of static [4,3], index 3 unused", in -> in[0].gather(0, 2, 0, 2), arg(NORMAL, 4, 3)));
        rows.add(row("scatterAdd(1) repeated targets, unused positions", in -> in[0].scatterAdd(1, 6, 1, 1, 3, 0),
                arg(NORMAL, N, 4, 2)));
        rows.add(row("scatterAdd(-1) into a static axis", in -> in[0].scatterAdd(-1, 3, 2, 2), arg(NORMAL, 3, 2)));
        rows.add(row("expandLike [3] like [N,3] (donor gets no gradient)", in -> in[0].expandLike(in[1]),
                arg(NORMAL, 3), arg(NORMAL, N, 3)));
        rows.add(row("expandLike [1,3] like [N,2,1]", in -> in[0].expandLike(in[1]),
                arg(NORMAL, 1, 3), arg(NORMAL, N, 2, 1)));
        // F32 rounding of the intermediate (relative 6e-8) needs a larger step; its truncation error (~1e-7) stays small
        rows.add(new Row("cast F64→F32→F64", List.of(arg(NORMAL, N, 3)),
                in -> in[0].cast(DType.F32).exp().cast(DType.F64), 1e-3, 1e-4));
    }

    private static Node zero(Node like) { return like.graph().scalar(0, like.dtype()); }

    private static final OrtEngine ORT = new OrtEngine();

    @AfterAll
    static void closeSessions() { ORT.close(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void firstAndSecondDerivativesMatchFiniteDifferencesInTheInterpreter(Row row) {
        check(row, Engine.INTERPRETER);
    }

    /** The same table with every value — outputs, gradients, Hessian-vector products, differences — from ONNX Runtime. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void firstAndSecondDerivativesMatchFiniteDifferencesInOnnxRuntime(Row row) {
        check(row, ORT);
    }

    /**
     * A stack of three cotangents gives, in one backward pass, the three VJPs that the cotangents give one by one —
     * the contract every op's VJP keeps for the batched exact divergence.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void stackedCotangentsGiveTheStackOfSingleVjpsInTheInterpreter(Row row) {
        checkStacked(row, Engine.INTERPRETER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void stackedCotangentsGiveTheStackOfSingleVjpsInOnnxRuntime(Row row) {
        checkStacked(row, ORT);
    }

    private static void checkStacked(Row row, Engine engine) {
        int stack = 3;
        Random rnd = new Random(row.name.hashCode() + 1);
        Graph g = new Graph();
        Map<String, Tensor> point = new HashMap<>();
        Node[] in = inputs(row, g, point, rnd);
        Node y = row.op.apply(in);
        int[] stacked = new int[y.rank() + 1];
        stacked[0] = stack;
        System.arraycopy(y.shape().dims(), 0, stacked, 1, y.rank());
        Node cotangents = g.input("cotangents", DType.F64, stacked);
        Tensor values = RandomTensors.gaussian(rnd, Shape.of(stacked).bind(BATCH_SIZE));
        point.put("cotangents", values);
        List<Tensor> together = engine.run(Autodiff.grad(y, List.of(in), cotangents), point);
        int per = values.size() / stack;
        for (int j = 0; j < stack; j++) {
            String name = "cotangent" + j;
            double[] one = java.util.Arrays.copyOfRange(values.data(), j * per, (j + 1) * per);
            point.put(name, new Tensor(y.shape().bind(BATCH_SIZE), one));
            List<Tensor> alone = engine.run(Autodiff.grad(y, List.of(in), g.input(name, DType.F64, y.shape())), point);
            for (int i = 0; i < in.length; i++) {
                Tensor all = together.get(i);
                int size = all.size() / stack;
                Tensor slice = new Tensor(alone.get(i).shape(), java.util.Arrays.copyOfRange(all.data(), j * size, (j + 1) * size));
                FiniteDifferences.assertClose(alone.get(i), slice, 1e-12, row.name + ": VJP " + j + " for x" + i);
            }
        }
    }

    /** The row's inputs as graph inputs x0, x1, …, with random values (batch bound to BATCH_SIZE) put in {@code point}. */
    private static Node[] inputs(Row row, Graph g, Map<String, Tensor> point, Random rnd) {
        Node[] in = new Node[row.args.size()];
        for (int i = 0; i < in.length; i++) {
            Arg a = row.args.get(i);
            in[i] = g.input("x" + i, DType.F64, a.shape);
            point.put("x" + i, RandomTensors.sample(a.sampler, rnd, a.shape.bind(BATCH_SIZE)));
        }
        return in;
    }

    private static void check(Row row, Engine engine) {
        Random rnd = new Random(row.name.hashCode());
        Graph g = new Graph();
        Map<String, Tensor> point = new HashMap<>();
        Node[] in = inputs(row, g, point, rnd);
        try {
            FiniteDifferences.assertDerivativesOfWeightedSumMatch(engine, row.op.apply(in), List.of(in), point, BATCH_SIZE, rnd,
                    row.step, row.tol);
        } catch (AssertionError e) {
            throw new AssertionError(row.name + ": " + e.getMessage(), e);
        }
    }
}
