package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.Attribute;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;

/** Permutes axes: output axis i is input axis perm[i]. */
public record Transpose(List<Integer> perm) implements Op {
    public Transpose(int[] perm) { this(java.util.Arrays.stream(perm).boxed().toList()); }

    @Override public String label() { return "Transpose" + perm; }

    @Override public Shape shape(Node[] in) {
        Shape s = in[0].shape();
        if (perm.size() != s.rank() || perm.stream().distinct().count() != s.rank()
                || perm.stream().anyMatch(p -> p < 0 || p >= s.rank())) {
            throw new IllegalArgumentException("permutation " + perm + " does not fit " + s);
        }
        int[] out = new int[s.rank()];
        for (int i = 0; i < out.length; i++) out[i] = s.dim(perm.get(i));
        return Shape.of(out);
    }

    @Override public Tensor eval(Tensor[] in) {
        Tensor x = in[0];
        int[] xs = x.shape(), os = new int[xs.length];
        for (int i = 0; i < os.length; i++) os[i] = xs[perm.get(i)];
        int[] xStrides = new int[xs.length];
        for (int i = xs.length - 1, s = 1; i >= 0; i--) {
            xStrides[i] = s;
            s *= xs[i];
        }
        double[] out = new double[x.size()];
        int[] idx = new int[os.length];
        for (int k = 0; k < out.length; k++) {
            int src = 0;
            for (int i = 0; i < os.length; i++) src += idx[i] * xStrides[perm.get(i)];
            out[k] = x.data()[src];
            for (int ax = os.length - 1; ax >= 0 && ++idx[ax] == os[ax]; ax--) idx[ax] = 0;
        }
        return new Tensor(os, out);
    }

    @Override public Node[] vjp(Node y, Node g, Node[] in) {
        int lead = Broadcasting.lead(y, g);
        int[] inverse = new int[lead + perm.size()];
        for (int i = 0; i < lead; i++) inverse[i] = i;
        for (int i = 0; i < perm.size(); i++) inverse[lead + perm.get(i)] = lead + i;
        return new Node[] {g.transpose(inverse)};
    }

    @Override public Node simplify(Node[] in) {
        for (int i = 0; i < perm.size(); i++) if (perm.get(i) != i) return null;
        return in[0];
    }

    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) {
        ctx.node("Transpose", in, out, Attribute.ofInts("perm", perm.stream().mapToLong(Integer::longValue).toArray()));
    }
}
