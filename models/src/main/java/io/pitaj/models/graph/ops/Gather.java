package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.Attribute;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;

/**
 * Selects positions of a static axis by fixed indices (repeats allowed): EGNN's x[:, i_e] for the pair list.
 * Its adjoint is {@link ScatterAdd} with the same indices.
 */
public record Gather(int axis, List<Integer> indices) implements Op {
    public static Gather of(int axis, int... indices) {
        return new Gather(axis, java.util.Arrays.stream(indices).boxed().toList());
    }

    @Override public String label() { return "Gather@" + axis + "[" + indices.size() + "]"; }

    @Override public Shape shape(Node[] in) {
        int[] d = in[0].shape().dims();
        if (axis >= d.length || d[axis] == Shape.BATCH) throw new IllegalArgumentException("gathers along static axes only: " + in[0].shape());
        if (indices.isEmpty()) throw new IllegalArgumentException("no indices");
        for (int i : indices) {
            if (i < 0 || i >= d[axis]) throw new IllegalArgumentException("index " + i + " outside axis of length " + d[axis]);
        }
        d[axis] = indices.size();
        return Shape.of(d);
    }

    @Override public Tensor eval(Tensor[] in) { return IndexedCopy.copy(in[0], axis, indices, indices.size(), false); }

    @Override public Node[] vjp(Node y, Node g, Node[] in) {
        return new Node[] {g.scatterAdd(axis + Broadcasting.lead(y, g), in[0].shape().dim(axis), ints())};
    }

    int[] ints() { return indices.stream().mapToInt(Integer::intValue).toArray(); }

    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) {
        ctx.node("Gather", List.of(in.get(0), ctx.int64s(ints())), out, Attribute.ofInt("axis", axis));
    }
}
