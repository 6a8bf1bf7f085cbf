package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;

/** cond ? a : b element-wise, broadcasting all three; the gradient is routed to the chosen branch. */
public enum Where implements Op {
    INSTANCE;

    @Override public String label() { return "Where"; }

    @Override public Shape shape(Node[] in) {
        if (in[0].dtype() != DType.BOOL) throw new IllegalArgumentException("condition must be boolean, got " + in[0].dtype());
        if (in[1].dtype() != in[2].dtype()) {
            throw new IllegalArgumentException("branches differ in type: " + in[1].dtype() + " and " + in[2].dtype());
        }
        return Shape.broadcast(Shape.broadcast(in[0].shape(), in[1].shape()), in[2].shape());
    }

    @Override public DType dtype(Node[] in) { return in[1].dtype(); }

    @Override public Tensor eval(Tensor[] in) {
        int[] out = Tensor.broadcastShape(Tensor.broadcastShape(in[0].shape(), in[1].shape()), in[2].shape());
        double[] c = in[0].broadcastTo(out).data(), a = in[1].broadcastTo(out).data(), b = in[2].broadcastTo(out).data();
        double[] r = new double[c.length];
        for (int i = 0; i < r.length; i++) r[i] = c[i] != 0 ? a[i] : b[i];
        return new Tensor(out, r);
    }

    @Override public Node[] vjp(Node y, Node g, Node[] in) {
        Node zero = Broadcasting.zero(g), cond = in[0];
        return new Node[] {null, Broadcasting.sumToInput(cond.where(g, zero), y, g, in[1]),
                Broadcasting.sumToInput(cond.where(zero, g), y, g, in[2])};
    }

    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) { ctx.node("Where", in, out); }
}
