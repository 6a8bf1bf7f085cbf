package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;

/** A named value supplied when the graph runs. */
public record Input(String inputName, DType type, Shape inputShape) implements Op {
    @Override public String label() { return "Input:" + inputName; }

    @Override public Shape shape(Node[] in) { return inputShape; }

    @Override public DType dtype(Node[] in) { return type; }

    @Override public Tensor eval(Tensor[] in) {
        throw new IllegalStateException("input '" + inputName + "' has no value bound");
    }

    @Override public Node[] vjp(Node y, Node g, Node[] in) { return new Node[0]; }

    @Override public boolean foldable() { return false; }

    /** A graph input under its own name, or a weight baked in or fed, as the export options say. */
    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) {
        ctx.graphInput(out, type.onnx(), inputShape.onnx());
    }
}
