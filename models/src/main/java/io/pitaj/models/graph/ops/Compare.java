package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.Attribute;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;

/** Broadcasting comparisons giving boolean masks; masks carry no gradient. */
public enum Compare implements Op {
    LESS("Less"), LESS_OR_EQUAL("LessOrEqual"), GREATER("Greater"), GREATER_OR_EQUAL("GreaterOrEqual"), EQUAL("Equal");

    private final String onnxName;

    Compare(String onnxName) { this.onnxName = onnxName; }

    public String onnxName() { return onnxName; }

    @Override public String label() { return onnxName; }

    private boolean test(double a, double b) {
        switch (this) {
            case LESS: return a < b;
            case LESS_OR_EQUAL: return a <= b;
            case GREATER: return a > b;
            case GREATER_OR_EQUAL: return a >= b;
            default: return a == b;
        }
    }

    @Override public Shape shape(Node[] in) {
        if (in[0].dtype() != in[1].dtype()) {
            throw new IllegalArgumentException("compares values of one type, got " + in[0].dtype() + " and " + in[1].dtype());
        }
        return Shape.broadcast(in[0].shape(), in[1].shape());
    }

    @Override public DType dtype(Node[] in) { return DType.BOOL; }

    @Override public Tensor eval(Tensor[] in) { return Tensor.zip(in[0], in[1], (a, b) -> test(a, b) ? 1 : 0); }

    @Override public Node[] vjp(Node y, Node g, Node[] in) { return new Node[] {null, null}; }

    /** ONNX orders only numbers, so booleans are compared as int64 (false < true), as the interpreter does. */
    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) {
        if (this == EQUAL || y.input(0).dtype() != DType.BOOL) {
            ctx.node(onnxName, in, out);
            return;
        }
        Attribute toInt = OnnxLowering.castTo(DType.I64.onnx());
        ctx.node(onnxName, List.of(ctx.op("Cast", List.of(in.get(0)), toInt), ctx.op("Cast", List.of(in.get(1)), toInt)), out);
    }
}
