package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;

/** Numpy/ONNX matmul over the last two axes, leading axes broadcast; both operands rank ≥ 2. */
public enum MatMul implements Op {
    INSTANCE;

    @Override public String label() { return "MatMul"; }

    @Override public Shape shape(Node[] in) {
        Shape a = in[0].shape(), b = in[1].shape();
        if (a.rank() < 2 || b.rank() < 2) throw new IllegalArgumentException("operands need rank ≥ 2: " + a + " @ " + b);
        if (in[0].dtype() != in[1].dtype() || !in[0].dtype().isFloat()) {
            throw new IllegalArgumentException("needs two float operands of one type");
        }
        int k = a.dim(a.rank() - 1);
        if (k != b.dim(b.rank() - 2)) {
            throw new IllegalArgumentException("inner dimensions differ: " + a + " @ " + b);
        }
        Shape lead = Shape.broadcast(prefix(a), prefix(b));
        int[] out = new int[lead.rank() + 2];
        for (int i = 0; i < lead.rank(); i++) out[i] = lead.dim(i);
        out[lead.rank()] = a.dim(a.rank() - 2);
        out[lead.rank() + 1] = b.dim(b.rank() - 1);
        return Shape.of(out);
    }

    private static Shape prefix(Shape s) {
        int[] d = new int[s.rank() - 2];
        for (int i = 0; i < d.length; i++) d[i] = s.dim(i);
        return Shape.of(d);
    }

    @Override public Tensor eval(Tensor[] in) {
        Tensor a = in[0], b = in[1];
        int ra = a.rank(), rb = b.rank();
        int m = a.dim(ra - 2), k = a.dim(ra - 1), n = b.dim(rb - 1);
        int[] la = java.util.Arrays.copyOf(a.shape(), ra - 2), lb = java.util.Arrays.copyOf(b.shape(), rb - 2);
        // index maps of the broadcast leading axes, computed by broadcasting matrix ordinals
        Tensor ia = Tensor.zip(ordinals(la), Tensor.zeros(lb), (x, z) -> x);
        Tensor ib = Tensor.zip(Tensor.zeros(la), ordinals(lb), (z, x) -> x);
        int batches = ia.size();
        double[] out = new double[batches * m * n];
        double[] da = a.data(), db = b.data();
        for (int p = 0; p < batches; p++) {
            int oa = (int) ia.data()[p] * m * k, ob = (int) ib.data()[p] * k * n, oo = p * m * n;
            for (int i = 0; i < m; i++) {
                for (int l = 0; l < k; l++) {
                    double av = da[oa + i * k + l];
                    for (int j = 0; j < n; j++) out[oo + i * n + j] += av * db[ob + l * n + j];
                }
            }
        }
        int[] shape = java.util.Arrays.copyOf(ia.shape(), ia.rank() + 2);
        shape[ia.rank()] = m;
        shape[ia.rank() + 1] = n;
        return new Tensor(shape, out);
    }

    private static Tensor ordinals(int[] shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) t.data()[i] = i;
        return t;
    }

    @Override public Node[] vjp(Node y, Node g, Node[] in) {
        Node a = in[0], b = in[1];
        Node db = b.rank() == 2 && a.rank() > 2 && Broadcasting.lead(y, g) == 0
                ? a.contractLeading(g) // a weight shared across the leading axes: one GEMM
                : Broadcasting.sumToInput(a.mT().matmul(g), y, g, b);
        return new Node[] {Broadcasting.sumToInput(g.matmulTransposed(b), y, g, a), db};
    }

    /**
     * A product over an inner dimension of 1 is an outer product, [..., m, 1]·[..., 1, n]: the broadcast
     * multiplication computes it exactly (the VJP of every Linear(… → 1) has one), and unlike a matmul it can be
     * regrouped with the factors that follow it ({@link Binary#simplify}). A per-row scale of the first operand moves
     * out of the product when that makes the product smaller ({@link Broadcasting#pullRowScale}).
     */
    @Override public Node simplify(Node[] in) {
        if (in[0].shape().dim(in[0].rank() - 1) == 1) return in[0].mul(in[1]);
        return Broadcasting.pullRowScale(in[0], in[1], shape(in), Node::matmul);
    }

    /** ONNX MatMul has numpy semantics, leading-axis broadcasting included. */
    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) { ctx.node("MatMul", in, out); }
}
