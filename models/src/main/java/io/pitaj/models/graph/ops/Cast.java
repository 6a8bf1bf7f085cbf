package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;

/** Element-type conversion; gradients flow between float types only. */
public record Cast(DType to) implements Op {
    @Override public String label() { return "Cast:" + to; }

    @Override public Shape shape(Node[] in) { return in[0].shape(); }

    @Override public DType dtype(Node[] in) { return to; }

    @Override public Tensor eval(Tensor[] in) {
        switch (to) {
            case F32: return in[0].map(v -> (double) (float) v);
            case I64: return in[0].map(v -> (double) (long) v);
            case BOOL: return in[0].map(v -> v != 0 ? 1 : 0);
            default: return in[0];
        }
    }

    @Override public Node[] vjp(Node y, Node g, Node[] in) {
        boolean flows = to.isFloat() && in[0].dtype().isFloat();
        return new Node[] {flows ? g.cast(in[0].dtype()) : null};
    }

    @Override public Node simplify(Node[] in) { return in[0].dtype() == to ? in[0] : null; }

    /** ONNX Cast truncates floats toward zero for int64 and maps non-zero to true for bool, as {@link #eval} does. */
    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) {
        ctx.node("Cast", in, out, OnnxLowering.castTo(to.onnx()));
    }
}
