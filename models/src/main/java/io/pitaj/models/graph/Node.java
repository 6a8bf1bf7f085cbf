package io.pitaj.models.graph;

import io.pitaj.models.graph.ops.Binary;
import io.pitaj.models.graph.ops.Cast;
import io.pitaj.models.graph.ops.Compare;
import io.pitaj.models.graph.ops.Concat;
import io.pitaj.models.graph.ops.ExpandLike;
import io.pitaj.models.graph.ops.Gather;
import io.pitaj.models.graph.ops.LayerNormalization;
import io.pitaj.models.graph.ops.MatMul;
import io.pitaj.models.graph.ops.LeadingContraction;
import io.pitaj.models.graph.ops.MatMulTransposed;
import io.pitaj.models.graph.ops.Pad;
import io.pitaj.models.graph.ops.Reduce;
import io.pitaj.models.graph.ops.Reshape;
import io.pitaj.models.graph.ops.ScatterAdd;
import io.pitaj.models.graph.ops.Slice;
import io.pitaj.models.graph.ops.Softmax;
import io.pitaj.models.graph.ops.StopGradient;
import io.pitaj.models.graph.ops.Transpose;
import io.pitaj.models.graph.ops.Unary;
import io.pitaj.models.graph.ops.Where;
import java.util.Arrays;
import java.util.List;

/**
 * A value in a {@link Graph}: the result of an op applied to input nodes, with a static shape (possibly with the
 * symbolic batch dimension) and an element type. Nodes are immutable; the fluent methods build new nodes.
 */
public final class Node {
    private final Graph graph;
    private final int id;
    private final Op op;
    private final Node[] inputs;
    private final Shape shape;
    private final DType dtype;

    Node(Graph graph, int id, Op op, Node[] inputs, Shape shape, DType dtype) {
        this.graph = graph;
        this.id = id;
        this.op = op;
        this.inputs = inputs;
        this.shape = shape;
        this.dtype = dtype;
    }

    public Graph graph() { return graph; }

    /** Creation order within the graph; inputs always have smaller ids than the nodes using them. */
    public int id() { return id; }

    public Op op() { return op; }

    public List<Node> inputs() { return List.of(inputs); }

    public Node input(int i) { return inputs[i]; }

    Node[] inputArray() { return inputs; }

    public Shape shape() { return shape; }

    public DType dtype() { return dtype; }

    public int rank() { return shape.rank(); }

    // ---- element-wise arithmetic (broadcasting) ----
    public Node add(Node o) { return graph.apply(Binary.ADD, this, o); }
    public Node sub(Node o) { return graph.apply(Binary.SUB, this, o); }
    public Node mul(Node o) { return graph.apply(Binary.MUL, this, o); }
    public Node div(Node o) { return graph.apply(Binary.DIV, this, o); }
    public Node pow(Node o) { return graph.apply(Binary.POW, this, o); }
    public Node max(Node o) { return graph.apply(Binary.MAX, this, o); }
    public Node min(Node o) { return graph.apply(Binary.MIN, this, o); }
    public Node add(double c) { return add(graph.scalar(c, dtype)); }
    public Node sub(double c) { return sub(graph.scalar(c, dtype)); }
    public Node mul(double c) { return mul(graph.scalar(c, dtype)); }
    public Node div(double c) { return div(graph.scalar(c, dtype)); }
    public Node pow(double c) { return pow(graph.scalar(c, dtype)); }
    /** c − this. */
    public Node rsub(double c) { return graph.scalar(c, dtype).sub(this); }

    // ---- element-wise functions ----
    public Node neg() { return graph.apply(Unary.NEG, this); }
    public Node exp() { return graph.apply(Unary.EXP, this); }
    public Node log() { return graph.apply(Unary.LOG, this); }
    public Node sqrt() { return graph.apply(Unary.SQRT, this); }
    public Node tanh() { return graph.apply(Unary.TANH, this); }
    public Node sigmoid() { return graph.apply(Unary.SIGMOID, this); }
    public Node sin() { return graph.apply(Unary.SIN, this); }
    public Node cos() { return graph.apply(Unary.COS, this); }
    public Node abs() { return graph.apply(Unary.ABS, this); }
    public Node sign() { return graph.apply(Unary.SIGN, this); }
    public Node square() { return mul(this); }
    /** x·σ(x). */
    public Node silu() { return graph.apply(Unary.SILU, this); }
    /** GELU, tanh approximation. */
    public Node geluTanh() { return graph.apply(Unary.GELU_TANH, this); }
    /** exp(x)/Σ exp(x) along a static axis. */
    public Node softmax(int axis) { return graph.apply(new Softmax(shape.axis(axis)), this); }
    /** Layer normalisation over the last axis with a weight [C] and an optional bias [C] (null for none). */
    public Node layerNorm(Node weight, Node bias, double eps) {
        LayerNormalization op = new LayerNormalization(eps);
        return bias == null ? graph.apply(op, this, weight) : graph.apply(op, this, weight, bias);
    }

    // ---- comparisons and selection ----
    public Node lt(Node o) { return graph.apply(Compare.LESS, this, o); }
    public Node le(Node o) { return graph.apply(Compare.LESS_OR_EQUAL, this, o); }
    public Node gt(Node o) { return graph.apply(Compare.GREATER, this, o); }
    public Node ge(Node o) { return graph.apply(Compare.GREATER_OR_EQUAL, this, o); }
    public Node eq(Node o) { return graph.apply(Compare.EQUAL, this, o); }
    /** Element-wise {@code this ? a : b}; this must be boolean. */
    public Node where(Node a, Node b) { return graph.apply(Where.INSTANCE, this, a, b); }

    // ---- linear algebra and reductions ----
    /** Numpy matmul over the last two axes with broadcast leading axes (both operands rank ≥ 2). */
    public Node matmul(Node o) { return graph.apply(MatMul.INSTANCE, this, o); }
    /** this·oᵀ over the last two axes, without a transposed copy of o in the graph. */
    public Node matmulTransposed(Node o) { return graph.apply(MatMulTransposed.INSTANCE, this, o); }
    /** Σ over every leading index of thisᵀ·o, [..., K] and [..., N] → [K, N] (a shared weight's gradient). */
    public Node contractLeading(Node o) { return graph.apply(LeadingContraction.INSTANCE, this, o); }
    public Node sum(int... axes) { return graph.apply(Reduce.of(Reduce.Kind.SUM, shape, false, axes), this); }
    public Node sumKeep(int... axes) { return graph.apply(Reduce.of(Reduce.Kind.SUM, shape, true, axes), this); }
    public Node mean(int... axes) { return graph.apply(Reduce.of(Reduce.Kind.MEAN, shape, false, axes), this); }
    public Node meanKeep(int... axes) { return graph.apply(Reduce.of(Reduce.Kind.MEAN, shape, true, axes), this); }
    public Node reduceMax(int... axes) { return graph.apply(Reduce.of(Reduce.Kind.MAX, shape, false, axes), this); }
    public Node reduceMaxKeep(int... axes) { return graph.apply(Reduce.of(Reduce.Kind.MAX, shape, true, axes), this); }
    /** Sum over every axis: a scalar. */
    public Node sumAll() { return sum(allAxes()); }
    public Node meanAll() { return mean(allAxes()); }

    // ---- shape manipulation ----
    /** New static shape; {@link Shape#BATCH} must appear in it exactly when this node has a batch dimension. */
    public Node reshape(int... dims) { return graph.apply(new Reshape(Shape.of(dims)), this); }
    public Node reshape(Shape s) { return graph.apply(new Reshape(s), this); }
    public Node transpose(int... perm) { return graph.apply(new Transpose(perm.clone()), this); }
    /** Swaps the last two axes. */
    public Node mT() {
        int[] perm = new int[rank()];
        for (int i = 0; i < perm.length; i++) perm[i] = i;
        perm[rank() - 1] = rank() - 2;
        perm[rank() - 2] = rank() - 1;
        return transpose(perm);
    }
    public Node slice(int axis, int start, int end) { return graph.apply(new Slice(shape.axis(axis), start, end), this); }
    /** Zero padding of {@code before} and {@code after} elements along {@code axis}. */
    public Node pad(int axis, int before, int after) { return graph.apply(new Pad(shape.axis(axis), before, after), this); }
    /** Selects positions {@code indices} along {@code axis} (static indices, repeats allowed). */
    public Node gather(int axis, int... indices) { return graph.apply(Gather.of(shape.axis(axis), indices), this); }
    /** Adjoint of gather: sums slices along {@code axis} into positions {@code indices} of a new axis of length {@code size}. */
    public Node scatterAdd(int axis, int size, int... indices) {
        return graph.apply(ScatterAdd.of(shape.axis(axis), size, indices), this);
    }
    /** This value broadcast to the shape of {@code like} (which may carry the batch dimension). */
    public Node expandLike(Node like) { return graph.apply(ExpandLike.INSTANCE, this, like); }
    public Node cast(DType to) { return graph.apply(new Cast(to), this); }
    /** Identity forward; blocks gradients. */
    public Node stopGradient() { return graph.apply(StopGradient.INSTANCE, this); }

    public static Node concat(int axis, Node... parts) {
        if (parts.length == 0) throw new IllegalArgumentException("concat needs at least one input");
        return parts[0].graph.apply(new Concat(parts[0].shape.axis(axis)), parts);
    }

    private int[] allAxes() {
        int[] a = new int[rank()];
        for (int i = 0; i < a.length; i++) a[i] = i;
        return a;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("%").append(id).append(" = ").append(op.label()).append('(');
        for (int i = 0; i < inputs.length; i++) sb.append(i > 0 ? ", %" : "%").append(inputs[i].id);
        return sb.append(") : ").append(dtype).append(shape).toString();
    }

    /** Identity semantics: CSE in {@link Graph} guarantees one node per distinct computation. */
    @Override
    public boolean equals(Object o) { return this == o; }

    @Override
    public int hashCode() { return System.identityHashCode(this); }

    static String ids(Node[] nodes) {
        return Arrays.toString(Arrays.stream(nodes).mapToInt(n -> n.id).toArray());
    }
}
