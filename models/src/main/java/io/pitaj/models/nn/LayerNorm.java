package io.pitaj.models.nn;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Tensor;

/** Layer normalisation over the last axis, as PyTorch's {@code nn.LayerNorm(C)} (biased variance, eps inside the root). */
public final class LayerNorm {
    /** PyTorch's default, used by PITA's DiT. */
    public static final double DEFAULT_EPS = 1e-5;

    private LayerNorm() {}

    /**
     * (x − mean) / √(var + eps) over the last axis, then times {@code weight} and plus {@code bias}, each of shape
     * [C] and each optional (null to omit: PITA's DiT uses a weight without bias).
     */
    public static Node apply(Node x, double eps, Node weight, Node bias) {
        int c = x.shape().dim(x.rank() - 1);
        Node w = weight != null ? weight : x.graph().constant(Tensor.filled(1, c), x.dtype());
        return x.layerNorm(w, bias, eps);
    }
}
