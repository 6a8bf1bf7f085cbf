package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.Attribute;
import io.pitaj.models.onnx.ElementType;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;

/**
 * Layer normalisation over the last axis with a weight and an optional bias, as PyTorch's {@code nn.LayerNorm}:
 * y = (x − μ)/√(σ² + eps)·w (+ b), with the biased variance. One op so that it can lower to ONNX LayerNormalization
 * (one kernel, for GPUs) and so that its VJP is the compact formula below rather than the chain rule through every
 * primitive; the VJP is written in primitive ops on x — x̂ and 1/√(σ² + eps) are rebuilt from x as forward values
 * shared by every cotangent — so every order of derivative is available.
 */
public record LayerNormalization(double eps) implements Op {
    /** ONNX stores epsilon as a float32 attribute, so the op keeps the float-rounded value that ORT will use. */
    public LayerNormalization {
        if (!(eps > 0)) throw new IllegalArgumentException("LayerNorm epsilon must be positive, got " + eps);
        eps = (float) eps;
    }

    @Override public String label() { return "LayerNorm(" + eps + ")"; }

    @Override public Shape shape(Node[] in) {
        Node x = in[0];
        if (!x.dtype().isFloat() || x.rank() < 1) throw new IllegalArgumentException("needs a float input of rank ≥ 1");
        int c = x.shape().dim(x.rank() - 1);
        if (c == Shape.BATCH) throw new IllegalArgumentException("cannot normalise along the batch axis");
        for (int i = 1; i < in.length; i++) {
            if (!in[i].shape().equals(Shape.of(c)) || in[i].dtype() != x.dtype()) {
                throw new IllegalArgumentException("weight and bias must be [" + c + "] of x's type, got " + in[i].dtype() + in[i].shape());
            }
        }
        if (in.length < 2 || in.length > 3) throw new IllegalArgumentException("takes x, weight and an optional bias");
        return x.shape();
    }

    @Override public Tensor eval(Tensor[] in) {
        int[] s = in[0].shape();
        int c = s[s.length - 1], rows = in[0].size() / c;
        double[] x = in[0].data(), w = in[1].data(), b = in.length > 2 ? in[2].data() : null, y = new double[x.length];
        for (int r = 0; r < rows; r++) {
            double mean = 0, var = 0;
            for (int j = 0; j < c; j++) mean += x[r * c + j];
            mean /= c;
            for (int j = 0; j < c; j++) var += (x[r * c + j] - mean) * (x[r * c + j] - mean);
            double inv = 1 / Math.sqrt(var / c + eps);
            for (int j = 0; j < c; j++) y[r * c + j] = (x[r * c + j] - mean) * inv * w[j] + (b == null ? 0 : b[j]);
        }
        return new Tensor(s, y);
    }

    /** With x̂ = (x − μ)·r and r = 1/√(σ² + eps): ∂x = r·(g·w − mean(g·w) − x̂·mean(g·w·x̂)), ∂w = Σ g·x̂, ∂b = Σ g. */
    @Override public Node[] vjp(Node y, Node g, Node[] in) {
        Node x = in[0], w = in[1];
        Node centred = x.sub(x.meanKeep(-1));
        Node r = centred.square().meanKeep(-1).add(eps).pow(-0.5);
        Node normalised = centred.mul(r);
        Node gw = g.mul(w);
        Node dx = gw.sub(gw.meanKeep(-1)).sub(normalised.mul(gw.mul(normalised).meanKeep(-1))).mul(r);
        Node dw = Broadcasting.sumToInput(g.mul(normalised), y, g, w);
        return in.length == 2 ? new Node[] {dx, dw} : new Node[] {dx, dw, Broadcasting.sumToInput(g, y, g, in[2])};
    }

    /**
     * One ONNX LayerNormalization over the last axis (statistics in the input's own precision) when the export asks
     * for it, else mean, centring, variance, root and scaling as primitive ops — which ORT 1.29's CPU kernels run
     * 4.5 times faster than its LayerNormalization kernel. The variance squares with Mul rather than Pow so that ORT's
     * layer-norm fusion does not turn the primitives back into that kernel.
     */
    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) {
        if (ctx.fusedLayerNorm()) {
            ElementType stash = y.dtype() == DType.F64 ? ElementType.FLOAT64 : ElementType.FLOAT32;
            ctx.node("LayerNormalization", in, out, Attribute.ofInt("axis", -1), Attribute.ofFloat("epsilon", (float) eps),
                    Attribute.ofInt("stash_type", stash.onnxType().getNumber()));
            return;
        }
        String axes = ctx.int64s(-1), x = in.get(0);
        Attribute keep = Attribute.ofInt("keepdims", 1);
        String centred = ctx.op("Sub", List.of(x, ctx.op("ReduceMean", List.of(x, axes), keep)));
        String variance = ctx.op("ReduceMean", List.of(ctx.op("Mul", List.of(centred, centred)), axes), keep);
        String epsilon = ctx.fresh("eps");
        ctx.initializer(epsilon, Tensor.scalar(eps).toHost(y.dtype()));
        String normalised = ctx.op("Div", List.of(centred, ctx.op("Sqrt", List.of(ctx.op("Add", List.of(variance, epsilon))))));
        if (in.size() == 2) {
            ctx.node("Mul", List.of(normalised, in.get(1)), out);
        } else {
            ctx.node("Add", List.of(ctx.op("Mul", List.of(normalised, in.get(1))), in.get(2)), out);
        }
    }
}
