package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;

/**
 * New shape, same row-major elements. The batch dimension is never merged with others: it appears in the target
 * exactly when the input has one, and the static dimensions before it (and so those after it) hold the same number
 * of elements in both shapes, so every sample's elements stay that sample's.
 */
public record Reshape(Shape target) implements Op {
    @Override public String label() { return "Reshape" + target; }

    @Override public Shape shape(Node[] in) {
        Shape s = in[0].shape();
        if (s.hasBatch() != target.hasBatch() || s.staticSize() != target.staticSize()
                || leadingSize(s) != leadingSize(target)) {
            throw new IllegalArgumentException("cannot reshape " + s + " to " + target
                    + (s.hasBatch() ? " (the batch dimension cannot merge with others)" : ""));
        }
        return target;
    }

    /** Elements of the static dimensions before the batch axis (all of them without one). */
    private static long leadingSize(Shape s) {
        long n = 1;
        for (int i = 0; i < s.rank() && s.dim(i) != Shape.BATCH; i++) n *= s.dim(i);
        return n;
    }

    @Override public Tensor eval(Tensor[] in) {
        long fixed = target.staticSize();
        int batch = fixed == 0 ? 0 : (int) (in[0].size() / fixed);
        return in[0].reshape(target.bind(batch));
    }

    @Override public Node[] vjp(Node y, Node g, Node[] in) {
        return new Node[] {g.reshape(Broadcasting.lifted(g, Broadcasting.lead(y, g), in[0].shape()))};
    }

    @Override public Node simplify(Node[] in) {
        if (in[0].shape().equals(target)) return in[0];
        // reshape of a reshape is one reshape
        return in[0].op() instanceof Reshape ? in[0].input(0).reshape(target) : null;
    }

    /**
     * The target with −1 at the batch position (Shape.BATCH is −1 already), so ONNX infers the batch from the
     * element count. A literal 0 would mean "copy the input dimension" in ONNX, hence zero-length targets are refused.
     */
    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) {
        for (int d : target.dims()) {
            if (d == 0) throw new IllegalArgumentException("zero-length reshape target " + target + " is not exported");
        }
        ctx.node("Reshape", List.of(in.get(0), ctx.int64s(target.dims())), out);
    }
}
