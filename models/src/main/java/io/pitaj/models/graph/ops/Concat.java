package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.Attribute;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;

/** Joins tensors along a static axis; all other dimensions must agree. */
public record Concat(int axis) implements Op {
    @Override public String label() { return "Concat@" + axis; }

    @Override public Shape shape(Node[] in) {
        int[] out = in[0].shape().dims();
        if (axis >= out.length) throw new IllegalArgumentException("axis " + axis + " out of range for " + in[0].shape());
        if (out[axis] == Shape.BATCH) throw new IllegalArgumentException("cannot concatenate along the batch axis");
        for (int i = 1; i < in.length; i++) {
            Shape s = in[i].shape();
            if (in[i].dtype() != in[0].dtype()) throw new IllegalArgumentException("inputs differ in type");
            if (s.rank() != out.length) throw new IllegalArgumentException("ranks differ: " + in[0].shape() + ", " + s);
            for (int d = 0; d < out.length; d++) {
                if (d == axis) out[d] += s.dim(d);
                else if (s.dim(d) != out[d]) throw new IllegalArgumentException("shapes differ off the axis: " + in[0].shape() + ", " + s);
            }
        }
        return Shape.of(out);
    }

    @Override public Tensor eval(Tensor[] in) {
        int[] out = in[0].shape();
        for (int i = 1; i < in.length; i++) out[axis] += in[i].dim(axis);
        int outer = Tensor.product(out, 0, axis), inner = Tensor.product(out, axis + 1, out.length);
        double[] r = new double[(int) Tensor.zeros(out).size()];
        int pos = 0;
        for (int o = 0; o < outer; o++) {
            for (Tensor t : in) {
                int block = t.dim(axis) * inner;
                System.arraycopy(t.data(), o * block, r, pos, block);
                pos += block;
            }
        }
        return new Tensor(out, r);
    }

    @Override public Node[] vjp(Node y, Node g, Node[] in) {
        Node[] d = new Node[in.length];
        int start = 0, lead = Broadcasting.lead(y, g);
        for (int i = 0; i < in.length; i++) {
            int len = in[i].shape().dim(axis);
            d[i] = g.slice(axis + lead, start, start + len);
            start += len;
        }
        return d;
    }

    /** One part is itself; a part that is a concatenation along the same axis is spliced in (one copy, not two). */
    @Override public Node simplify(Node[] in) {
        if (in.length == 1) return in[0];
        java.util.List<Node> parts = new java.util.ArrayList<>();
        boolean nested = false;
        for (Node n : in) {
            if (n.op() instanceof Concat c && c.axis == axis) {
                parts.addAll(n.inputs());
                nested = true;
            } else {
                parts.add(n);
            }
        }
        return nested ? Node.concat(axis, parts.toArray(new Node[0])) : null;
    }

    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) {
        ctx.node("Concat", in, out, Attribute.ofInt("axis", axis));
    }
}
