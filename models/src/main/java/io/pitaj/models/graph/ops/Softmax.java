package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.Attribute;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;

/**
 * exp(x)/Σ exp(x) along one static axis. One op rather than a composite so that it lowers to ONNX Softmax, which ORT
 * runs as one kernel; its VJP y·(g − Σ g·y) is written in primitive ops and uses y itself, so every order of
 * derivative is available.
 */
public record Softmax(int axis) implements Op {
    @Override public String label() { return "Softmax@" + axis; }

    @Override public Shape shape(Node[] in) {
        if (!in[0].dtype().isFloat()) throw new IllegalArgumentException("needs a float input, got " + in[0].dtype());
        if (axis >= in[0].rank() || in[0].shape().dim(axis) == Shape.BATCH) {
            throw new IllegalArgumentException("normalises along a static axis only: axis " + axis + " of " + in[0].shape());
        }
        return in[0].shape();
    }

    /** Shifted by the maximum so that exp cannot overflow; softmax is invariant under that shift. */
    @Override public Tensor eval(Tensor[] in) {
        int[] s = in[0].shape();
        int outer = Tensor.product(s, 0, axis), len = s[axis], inner = Tensor.product(s, axis + 1, s.length);
        double[] x = in[0].data(), y = new double[x.length];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * len * inner + i;
                double max = Double.NEGATIVE_INFINITY, total = 0;
                for (int j = 0; j < len; j++) max = Math.max(max, x[base + j * inner]);
                for (int j = 0; j < len; j++) total += y[base + j * inner] = Math.exp(x[base + j * inner] - max);
                for (int j = 0; j < len; j++) y[base + j * inner] /= total;
            }
        }
        return new Tensor(s, y);
    }

    @Override public Node[] vjp(Node y, Node g, Node[] in) {
        Node gy = g.mul(y);
        return new Node[] {gy.sub(y.mul(gy.sumKeep(axis + Broadcasting.lead(y, g))))};
    }

    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) {
        ctx.node("Softmax", in, out, Attribute.ofInt("axis", axis));
    }
}
