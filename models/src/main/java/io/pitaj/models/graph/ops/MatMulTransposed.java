package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.Attribute;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;

/**
 * a·bᵀ over the last two axes (leading axes broadcast): attention scores q·kᵀ, and the input cotangent g·Wᵀ of every
 * matmul. As one op its operand b is never transposed in the graph: a transposed weight is not a second constant in
 * the exported file, and a transposed cotangent is not a separate Transpose node — the lowering's Transpose feeds
 * the MatMul directly, which ONNX Runtime folds (a constant) or fuses into one kernel (FusedMatMul with transB).
 */
public enum MatMulTransposed implements Op {
    INSTANCE;

    @Override public String label() { return "MatMulᵀ"; }

    @Override public Shape shape(Node[] in) {
        Shape a = in[0].shape(), b = in[1].shape();
        if (a.rank() < 2 || b.rank() < 2) throw new IllegalArgumentException("operands need rank ≥ 2: " + a + " @ " + b + "ᵀ");
        if (in[0].dtype() != in[1].dtype() || !in[0].dtype().isFloat()) {
            throw new IllegalArgumentException("needs two float operands of one type");
        }
        if (a.dim(a.rank() - 1) != b.dim(b.rank() - 1)) throw new IllegalArgumentException("inner dimensions differ: " + a + " @ " + b + "ᵀ");
        return MatMul.INSTANCE.shape(new Node[] {in[0], in[1].mT()});
    }

    @Override public Tensor eval(Tensor[] in) {
        int r = in[1].rank();
        int[] perm = new int[r];
        for (int i = 0; i < r; i++) perm[i] = i;
        perm[r - 1] = r - 2;
        perm[r - 2] = r - 1;
        return MatMul.INSTANCE.eval(new Tensor[] {in[0], new Transpose(perm).eval(new Tensor[] {in[1]})});
    }

    /** As {@link MatMul#simplify}: an outer product is a broadcast multiplication, and per-row scales move out. */
    @Override public Node simplify(Node[] in) {
        if (in[0].shape().dim(in[0].rank() - 1) == 1) return in[0].mul(in[1].mT());
        return Broadcasting.pullRowScale(in[0], in[1], shape(in), Node::matmulTransposed);
    }

    /** With y = a·bᵀ: ∂a = g·b and ∂b = gᵀ·a (the transposed g feeds a matmul, so ORT fuses it). */
    @Override public Node[] vjp(Node y, Node g, Node[] in) {
        Node a = in[0], b = in[1];
        Node db = b.rank() == 2 && a.rank() > 2 && Broadcasting.lead(y, g) == 0
                ? g.contractLeading(a) // a weight shared across the leading axes: one GEMM
                : Broadcasting.sumToInput(g.mT().matmul(a), y, g, b);
        return new Node[] {Broadcasting.sumToInput(g.matmul(b), y, g, a), db};
    }

    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) {
        int r = y.input(1).rank();
        long[] perm = new long[r];
        for (int i = 0; i < r; i++) perm[i] = i;
        perm[r - 1] = r - 2;
        perm[r - 2] = r - 1;
        String bt = ctx.op("Transpose", List.of(in.get(1)), Attribute.ofInts("perm", perm));
        ctx.node("MatMul", List.of(in.get(0), bt), out);
    }
}
