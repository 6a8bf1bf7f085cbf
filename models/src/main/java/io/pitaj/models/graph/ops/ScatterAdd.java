package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import java.util.List;

/**
 * Sums slice e of a static axis into position indices[e] of a new axis of length {@code size}: EGNN's message
 * aggregation over pairs. Its adjoint is {@link Gather}.
 */
public record ScatterAdd(int axis, int size, List<Integer> indices) implements Op {
    public static ScatterAdd of(int axis, int size, int... indices) {
        return new ScatterAdd(axis, size, java.util.Arrays.stream(indices).boxed().toList());
    }

    @Override public String label() { return "ScatterAdd@" + axis + "[" + indices.size() + "→" + size + "]"; }

    @Override public Shape shape(Node[] in) {
        int[] d = in[0].shape().dims();
        if (axis >= d.length || d[axis] != indices.size()) {
            throw new IllegalArgumentException("axis " + axis + " of " + in[0].shape() + " must have " + indices.size() + " entries");
        }
        for (int i : indices) if (i < 0 || i >= size) throw new IllegalArgumentException("index " + i + " outside [0, " + size + ")");
        d[axis] = size;
        return Shape.of(d);
    }

    @Override public Tensor eval(Tensor[] in) { return IndexedCopy.copy(in[0], axis, indices, size, true); }

    @Override public Node[] vjp(Node y, Node g, Node[] in) {
        return new Node[] {g.gather(axis, indices.stream().mapToInt(Integer::intValue).toArray())};
    }
}
