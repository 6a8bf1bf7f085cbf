package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;

/** Zero padding along a static axis: the adjoint of {@link Slice}. */
public record Pad(int axis, int before, int after) implements Op {
    @Override public String label() { return "Pad@" + axis + "[" + before + "," + after + "]"; }

    @Override public Shape shape(Node[] in) {
        int[] d = in[0].shape().dims();
        if (axis >= d.length || d[axis] == Shape.BATCH) throw new IllegalArgumentException("pads static axes only: " + in[0].shape());
        if (before < 0 || after < 0) throw new IllegalArgumentException("negative padding");
        d[axis] += before + after;
        return Shape.of(d);
    }

    @Override public Tensor eval(Tensor[] in) {
        Tensor x = in[0];
        int[] s = x.shape();
        int outer = Tensor.product(s, 0, axis), inner = Tensor.product(s, axis + 1, s.length);
        int len = s[axis], total = len + before + after;
        double[] r = new double[outer * total * inner];
        for (int o = 0; o < outer; o++) {
            System.arraycopy(x.data(), o * len * inner, r, (o * total + before) * inner, len * inner);
        }
        s[axis] = total;
        return new Tensor(s, r);
    }

    @Override public Node[] vjp(Node y, Node g, Node[] in) {
        return new Node[] {g.slice(axis + Broadcasting.lead(y, g), before, before + in[0].shape().dim(axis))};
    }

    @Override public Node simplify(Node[] in) { return before == 0 && after == 0 ? in[0] : null; }

    /**
     * pad(x) + pad(y) along one axis where x's range ends where y's begins (or the reverse): pad(concat(x, y)). The
     * cotangents of adjacent slices (q, k, v of one projection; a modulation's chunks) are summed this way, and the
     * concatenation writes each element once where the sum of pads writes the full width per slice.
     */
    static Node joinAdjacent(Node a, Pad pa, Node b, Pad pb) {
        if (pa.axis != pb.axis) return null;
        int endA = a.shape().dim(pa.axis) - pa.after, endB = b.shape().dim(pb.axis) - pb.after;
        if (endA == pb.before) return Node.concat(pa.axis, a.input(0), b.input(0)).pad(pa.axis, pa.before, pb.after);
        if (endB == pa.before) return Node.concat(pa.axis, b.input(0), a.input(0)).pad(pa.axis, pb.before, pa.after);
        return null;
    }

    /** ONNX pads lists all begins, then all ends; mode "constant" with the default value 0 is zero padding. */
    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) {
        int rank = y.rank();
        int[] pads = new int[2 * rank];
        pads[axis] = before;
        pads[rank + axis] = after;
        ctx.node("Pad", List.of(in.get(0), ctx.int64s(pads)), out);
    }
}
