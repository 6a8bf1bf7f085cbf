package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.Attribute;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.ArrayList;
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
        return new Node[] {g.gather(axis + Broadcasting.lead(y, g), indices.stream().mapToInt(Integer::intValue).toArray())};
    }

    /**
     * Exported as a segment sum: pad one zero slice onto the axis when some position receives fewer entries than
     * the busiest one, gather the entries grouped by target position (each group padded to the same length kmax with
     * the zero slice), reshape the axis to [size, kmax] and ReduceSum over kmax.
     *
     * <p>Why not ScatterElements(reduction="add"): it needs zeros of the run-time output shape and an int64 index
     * tensor as large as the update, and on CUDA it accumulates with atomics, so sums are not reproducible. Why not
     * a MatMul with a one-hot [E × size] matrix: it costs size times the work (55× for a 55-atom EGNN) and turns an
     * infinite message into NaN at every position. The segment sum only adds the real entries (exact, repeated
     * indices accumulate), is deterministic on every execution provider, and for EGNN's full pair list — every node
     * receives n−1 messages — needs no padding, so it moves E·features values once.
     */
    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) {
        if (!y.dtype().isFloat() && y.dtype() != DType.I64) {
            throw new IllegalArgumentException("scatter-add sums values; " + y.dtype() + " has no ONNX sum");
        }
        List<List<Integer>> groups = new ArrayList<>();
        for (int j = 0; j < size; j++) groups.add(new ArrayList<>());
        for (int e = 0; e < indices.size(); e++) groups.get(indices.get(e)).add(e);
        int kmax = groups.stream().mapToInt(List::size).max().orElseThrow();
        boolean padded = groups.stream().anyMatch(gr -> gr.size() < kmax);
        int zeroSlot = indices.size();
        int[] order = new int[size * kmax];
        for (int j = 0; j < size; j++) {
            for (int k = 0; k < kmax; k++) order[j * kmax + k] = k < groups.get(j).size() ? groups.get(j).get(k) : zeroSlot;
        }
        String source = in.get(0);
        if (padded) {
            int[] pads = new int[2 * y.rank()];
            pads[y.rank() + axis] = 1;
            source = ctx.op("Pad", List.of(source, ctx.int64s(pads)));
        }
        Attribute gatherAxis = Attribute.ofInt("axis", axis);
        if (kmax == 1) {
            ctx.node("Gather", List.of(source, ctx.int64s(order)), out, gatherAxis);
            return;
        }
        String grouped = ctx.op("Gather", List.of(source, ctx.int64s(order)), gatherAxis);
        int[] split = new int[y.rank() + 1];
        for (int d = 0, s = 0; d < y.rank(); d++) {
            split[s++] = y.shape().dim(d);
            if (d == axis) split[s++] = kmax;
        }
        String segments = ctx.op("Reshape", List.of(grouped, ctx.int64s(split)));
        ctx.node("ReduceSum", List.of(segments, ctx.int64s(axis + 1)), out, Attribute.ofInt("keepdims", 0));
    }
}
