package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;

/** A value fixed at build time (exported as an ONNX initializer). */
public record Constant(Tensor value, DType type) implements Op {
    @Override public String label() { return "Constant" + Shape.of(value.shape()); }

    @Override public Shape shape(Node[] in) { return Shape.of(value.shape()); }

    @Override public DType dtype(Node[] in) { return type; }

    @Override public Tensor eval(Tensor[] in) { return value; }

    @Override public Node[] vjp(Node y, Node g, Node[] in) { return new Node[0]; }

    /** True when {@code n} is a constant whose every element equals {@code v}. */
    public static boolean isAll(Node n, double v) {
        return n.op() instanceof Constant c && c.value.isAll(v);
    }

    /** An initializer of this constant's element type; a scalar is a rank-0 initializer. */
    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) {
        ctx.initializer(out, value.toHost(type));
    }
}
