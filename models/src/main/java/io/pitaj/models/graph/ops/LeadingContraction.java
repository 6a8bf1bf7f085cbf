package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.Attribute;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;

/**
 * C[k, n] = Σ over every leading index p of A[p, k]·G[p, n], for A [..., K] and G [..., N] with the same leading
 * shape: the gradient of a weight shared across a batch (and tokens, pairs, …) in one product. Written as a batched
 * matmul followed by a sum over the leading axes, it would materialise one K × N product per leading index — for a
 * DiT MLP weight at batch 64 a 64 × 192 × 768 tensor — and reduce it; here ONNX Runtime sees a single GEMM over the
 * flattened leading axes (Reshape to [−1, K] and [−1, N], Gemm with A transposed).
 */
public enum LeadingContraction implements Op {
    INSTANCE;

    @Override public String label() { return "LeadingContraction"; }

    @Override public Shape shape(Node[] in) {
        Shape a = in[0].shape(), g = in[1].shape();
        if (a.rank() < 2 || a.rank() != g.rank()) throw new IllegalArgumentException("operands need equal rank ≥ 2: " + a + ", " + g);
        if (in[0].dtype() != in[1].dtype() || !in[0].dtype().isFloat()) throw new IllegalArgumentException("needs two float operands of one type");
        for (int i = 0; i < a.rank() - 1; i++) {
            if (a.dim(i) != g.dim(i)) throw new IllegalArgumentException("leading axes differ: " + a + ", " + g);
        }
        return Shape.of(a.dim(a.rank() - 1), g.dim(g.rank() - 1));
    }

    @Override public Tensor eval(Tensor[] in) {
        Tensor a = in[0], g = in[1];
        int k = a.dim(a.rank() - 1), n = g.dim(g.rank() - 1), rows = a.size() / Math.max(1, k);
        double[] out = new double[k * n], da = a.data(), dg = g.data();
        for (int p = 0; p < rows; p++) {
            for (int i = 0; i < k; i++) {
                double av = da[p * k + i];
                for (int j = 0; j < n; j++) out[i * n + j] += av * dg[p * n + j];
            }
        }
        return new Tensor(new int[] {k, n}, out);
    }

    /**
     * dA = G·dCᵀ and dG = A·dC, row by row. Stacked cotangents dC [s..., K, N] get unit axes in front of the operands'
     * leading axes and behind their own stacking axes, so the products broadcast to [s..., leading..., K|N].
     */
    @Override public Node[] vjp(Node y, Node dc, Node[] in) {
        Node a = in[0], g = in[1];
        int lead = Broadcasting.lead(y, dc);
        if (lead > 0) {
            a = withUnitAxesInFront(a, lead);
            g = withUnitAxesInFront(g, lead);
            int[] dims = new int[lead + a.rank() - lead];
            for (int i = 0; i < dims.length; i++) dims[i] = i < lead ? dc.shape().dim(i) : 1;
            dims[dims.length - 2] = dc.shape().dim(lead);
            dims[dims.length - 1] = dc.shape().dim(lead + 1);
            dc = dc.reshape(dims);
        }
        return new Node[] {g.matmulTransposed(dc), a.matmul(dc)};
    }

    private static Node withUnitAxesInFront(Node x, int count) {
        int[] dims = new int[count + x.rank()];
        java.util.Arrays.fill(dims, 1);
        System.arraycopy(x.shape().dims(), 0, dims, count, x.rank());
        return x.reshape(dims);
    }

    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) {
        long k = y.shape().dim(0), n = y.shape().dim(1);
        String a = ctx.op("Reshape", List.of(in.get(0), ctx.int64s(-1L, k)));
        String g = ctx.op("Reshape", List.of(in.get(1), ctx.int64s(-1L, n)));
        ctx.node("Gemm", List.of(a, g), out, Attribute.ofInt("transA", 1));
    }
}
