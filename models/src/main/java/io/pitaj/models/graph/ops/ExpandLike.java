package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;

/**
 * Broadcasts the first input to the broadcast of both shapes; the second input only lends its shape (so a static
 * value can be expanded to a batch shape known only at run time). No gradient flows to the shape donor.
 */
public enum ExpandLike implements Op {
    INSTANCE;

    @Override public String label() { return "ExpandLike"; }

    @Override public Shape shape(Node[] in) { return Shape.broadcast(in[0].shape(), in[1].shape()); }

    @Override public Tensor eval(Tensor[] in) {
        return Tensor.zip(in[0], in[1], (a, ignored) -> a);
    }

    @Override public Node[] vjp(Node y, Node g, Node[] in) {
        return new Node[] {Broadcasting.sumToInput(g, y, g, in[0]), null};
    }

    @Override public Node simplify(Node[] in) {
        return in[0].shape().equals(Shape.broadcast(in[0].shape(), in[1].shape())) ? in[0] : null;
    }

    /**
     * ONNX Expand broadcasts bidirectionally between the input and the requested shape, which is exactly this op.
     * A static donor shape is an int64 constant; one with the batch dimension is read at run time with Shape.
     */
    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) {
        Node like = y.input(1);
        String shape = like.shape().hasBatch() ? ctx.shapeOf(in.get(1)) : ctx.int64s(like.shape().dims());
        ctx.node("Expand", List.of(in.get(0), shape), out);
    }
}
