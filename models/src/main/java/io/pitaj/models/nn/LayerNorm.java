package io.pitaj.models.nn;

import io.pitaj.models.graph.Node;

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
        Node centred = x.sub(x.meanKeep(-1));
        Node y = centred.div(centred.square().meanKeep(-1).add(eps).sqrt());
        if (weight != null) y = y.mul(weight);
        if (bias != null) y = y.add(bias);
        return y;
    }
}
