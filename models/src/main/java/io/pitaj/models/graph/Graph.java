package io.pitaj.models.graph;

import io.pitaj.models.graph.ops.Constant;
import io.pitaj.models.graph.ops.Input;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds nodes and keeps the graph small while it grows: every {@link #apply} first validates the inputs against
 * the op's shape rule (so a simplification can never hide a malformed call), then asks the op for an algebraic
 * simplification, then folds ops whose inputs are all constants (unless the result would be large, see
 * {@link #FOLD_LIMIT}), then reuses an existing node for the same op on the same inputs (common-subexpression
 * elimination). Dead nodes cost nothing: export and evaluation visit only what the requested outputs reach
 * ({@link #topologicalOrder}).
 */
public final class Graph {
    /**
     * Largest number of elements a folded constant may hold. Folding an op on a large constant (the transposed weight
     * every matmul's VJP asks for, a reshaped or sliced weight) would store a second copy of the weight in the
     * exported file; left as a node, ONNX Runtime folds it itself when it loads the model, and the file keeps one copy.
     */
    public static final long FOLD_LIMIT = 4096;

    private final List<Node> nodes = new ArrayList<>();
    private final Map<Key, Node> byComputation = new HashMap<>();
    private final Map<String, Node> inputsByName = new LinkedHashMap<>();

    private record Key(Op op, List<Integer> inputIds) {}

    /** A named graph input; the batch dimension may appear in its shape. */
    public Node input(String name, DType dtype, Shape shape) {
        if (inputsByName.containsKey(name)) throw new IllegalArgumentException("duplicate input name '" + name + "'");
        Input op = new Input(name, dtype, shape);
        Node n = create(op, new Node[0], shapeOf(op, new Node[0]));
        inputsByName.put(name, n);
        return n;
    }

    public Node input(String name, DType dtype, int... dims) { return input(name, dtype, Shape.of(dims)); }

    /** Inputs in declaration order. */
    public Collection<Node> inputs() { return inputsByName.values(); }

    /** A constant holding a copy of {@code value}'s data, so later changes to the caller's array cannot reach it. */
    public Node constant(Tensor value, DType dtype) {
        return apply(new Constant(new Tensor(value.shape(), value.data().clone()), dtype));
    }

    public Node scalar(double value, DType dtype) { return constant(Tensor.scalar(value), dtype); }

    /** A constant of zeros (of the given static shape) — use {@code x.mul(0)}-free forms for batch shapes. */
    public Node zeros(DType dtype, int... dims) { return constant(Tensor.zeros(dims), dtype); }

    /** Number of nodes ever created (live or dead). */
    public int size() { return nodes.size(); }

    public Node apply(Op op, Node... in) {
        for (Node n : in) {
            if (n.graph() != this) throw new IllegalArgumentException(op.label() + ": input node belongs to another graph");
        }
        Shape shape = shapeOf(op, in);
        Node simpler = op.simplify(in);
        if (simpler != null) return simpler;
        if (op.foldable() && in.length > 0 && shape.staticSize() <= FOLD_LIMIT
                && Arrays.stream(in).allMatch(n -> n.op() instanceof Constant)) {
            Tensor[] values = new Tensor[in.length];
            for (int i = 0; i < in.length; i++) values[i] = ((Constant) in[i].op()).value();
            return constant(op.eval(values), op.dtype(in));
        }
        List<Integer> ids = new ArrayList<>(in.length);
        for (Node n : in) ids.add(n.id());
        Key key = new Key(op, ids);
        Node existing = byComputation.get(key);
        if (existing != null) return existing;
        Node n = create(op, in.clone(), shape);
        byComputation.put(key, n);
        return n;
    }

    /** The op's output shape for these inputs; its validation errors are prefixed with the op's label. */
    private static Shape shapeOf(Op op, Node[] in) {
        try {
            return op.shape(in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(op.label() + ": " + e.getMessage(), e);
        }
    }

    private Node create(Op op, Node[] in, Shape shape) {
        Node n = new Node(this, nodes.size(), op, in, shape, op.dtype(in));
        nodes.add(n);
        return n;
    }

    /** The nodes the outputs depend on, inputs before users (dead nodes are not visited). */
    public static List<Node> topologicalOrder(Collection<Node> outputs) {
        if (outputs.isEmpty()) return List.of();
        Graph g = outputs.iterator().next().graph();
        BitSet live = new BitSet(g.nodes.size());
        Deque<Node> stack = new ArrayDeque<>(outputs);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n.graph() != g) throw new IllegalArgumentException("outputs belong to different graphs");
            if (live.get(n.id())) continue;
            live.set(n.id());
            for (Node i : n.inputArray()) stack.push(i);
        }
        List<Node> order = new ArrayList<>(live.cardinality());
        for (int id = live.nextSetBit(0); id >= 0; id = live.nextSetBit(id + 1)) order.add(g.nodes.get(id));
        return order;
    }

    /** Human-readable listing of what the outputs depend on. */
    public static String describe(Collection<Node> outputs) {
        StringBuilder sb = new StringBuilder();
        for (Node n : topologicalOrder(outputs)) sb.append(n).append('\n');
        return sb.toString();
    }
}
