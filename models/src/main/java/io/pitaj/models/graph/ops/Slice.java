package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;

/** Positions [start, end) of a static axis. */
public record Slice(int axis, int start, int end) implements Op {
    @Override public String label() { return "Slice@" + axis + "[" + start + ":" + end + "]"; }

    @Override public Shape shape(Node[] in) {
        int[] d = in[0].shape().dims();
        if (axis >= d.length || d[axis] == Shape.BATCH) throw new IllegalArgumentException("slices static axes only: " + in[0].shape());
        if (start < 0 || end > d[axis] || start >= end) {
            throw new IllegalArgumentException("range [" + start + ", " + end + ") outside axis of length " + d[axis]);
        }
        d[axis] = end - start;
        return Shape.of(d);
    }

    @Override public Tensor eval(Tensor[] in) {
        Tensor x = in[0];
        int[] s = x.shape();
        int outer = Tensor.product(s, 0, axis), inner = Tensor.product(s, axis + 1, s.length);
        int len = end - start;
        double[] r = new double[outer * len * inner];
        for (int o = 0; o < outer; o++) {
            System.arraycopy(x.data(), (o * s[axis] + start) * inner, r, o * len * inner, len * inner);
        }
        s[axis] = len;
        return new Tensor(s, r);
    }

    @Override public Node[] vjp(Node y, Node g, Node[] in) {
        return new Node[] {g.pad(axis + Broadcasting.lead(y, g), start, in[0].shape().dim(axis) - end)};
    }

    @Override public Node simplify(Node[] in) {
        return start == 0 && axis < in[0].rank() && end == in[0].shape().dim(axis) ? in[0] : null;
    }

    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) {
        ctx.node("Slice", List.of(in.get(0), ctx.int64s(start), ctx.int64s(end), ctx.int64s(axis)), out);
    }
}
