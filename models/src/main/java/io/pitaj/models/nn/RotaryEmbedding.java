package io.pitaj.models.nn;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Tensor;

/**
 * Rotary position embedding with the adjacent-pair convention of torchtune's {@code RotaryPositionalEmbeddings}
 * (pita-algorithm.md §2.2): channels (2i, 2i+1) of a head form a pair rotated by the angle p·θ_i at position p, with
 * θ_i = base^(−2i/dh). The angles are constants of the graph since positions are the static token indices.
 */
public final class RotaryEmbedding {
    /** The base used by PITA's DiT (and torchtune's default). */
    public static final double DEFAULT_BASE = 10_000;

    private RotaryEmbedding() {}

    /** Rotates x of shape [..., T, H, dh] (any leading axes, dh even); token t sits at position t. */
    public static Node apply(Node x, double base) {
        int r = x.rank();
        if (r < 3 || x.shape().dim(r - 1) % 2 != 0) {
            throw new IllegalArgumentException("rotary embedding needs [..., T, H, dh] with dh even, got " + x.shape());
        }
        int tokens = x.shape().dim(r - 3), half = x.shape().dim(r - 1) / 2;
        double[] cos = new double[tokens * half], sin = new double[tokens * half];
        for (int t = 0; t < tokens; t++) {
            for (int i = 0; i < half; i++) {
                double angle = t * Math.pow(base, -2.0 * i / (2 * half));
                cos[t * half + i] = Math.cos(angle);
                sin[t * half + i] = Math.sin(angle);
            }
        }
        int[] tableShape = {tokens, 1, half, 1}; // broadcasts over leading axes, heads and the pair axis of size 1
        Node c = x.graph().constant(new Tensor(tableShape, cos), x.dtype());
        Node s = x.graph().constant(new Tensor(tableShape, sin), x.dtype());
        int[] pairShape = java.util.Arrays.copyOf(x.shape().dims(), r + 1);
        pairShape[r - 1] = half;
        pairShape[r] = 2;
        Node pairs = x.reshape(pairShape);
        Node even = pairs.slice(r, 0, 1), odd = pairs.slice(r, 1, 2);
        Node rotated = Node.concat(r, even.mul(c).sub(odd.mul(s)), odd.mul(c).add(even.mul(s)));
        return rotated.reshape(x.shape());
    }
}
