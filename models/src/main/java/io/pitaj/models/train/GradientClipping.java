package io.pitaj.models.train;

import io.pitaj.models.graph.Node;
import java.util.List;

/** Global-norm gradient clipping as graph nodes, with the semantics of PyTorch's {@code clip_grad_norm_}. */
public final class GradientClipping {
    private GradientClipping() {}

    /** PyTorch adds this to the norm before dividing, so a zero gradient gives a finite factor. */
    public static final double NORM_EPS = 1e-6;

    /** ‖g‖ over all gradients together: √(Σ over tensors Σ over entries g²), a scalar. */
    public static Node globalNorm(List<Node> grads) {
        Node sum = null;
        for (Node g : grads) {
            Node s = g.rank() == 0 ? g.square() : g.square().sumAll();
            sum = sum == null ? s : sum.add(s);
        }
        if (sum == null) throw new IllegalArgumentException("no gradients to take the norm of");
        return sum.sqrt();
    }

    /** The factor every gradient is multiplied by: min(1, maxNorm / (‖g‖ + 1e-6)). */
    public static Node clipFactor(Node globalNorm, double maxNorm) {
        Node limit = globalNorm.graph().scalar(maxNorm, globalNorm.dtype());
        Node one = globalNorm.graph().scalar(1, globalNorm.dtype());
        return limit.div(globalNorm.add(NORM_EPS)).min(one);
    }
}
