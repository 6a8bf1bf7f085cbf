package io.pitaj.models.nn;

import io.pitaj.models.graph.Node;

/**
 * Scaled dot-product self-attention over heads, given queries, keys and values already projected: each [N, T, H·dh].
 * Projections (q/k/v and output) are the caller's linear layers.
 */
public final class MultiHeadAttention {
    private MultiHeadAttention() {}

    /** softmax(q·kᵀ/√dh)·v per head; the result is [N, T, H·dh] with the heads concatenated as in the input. */
    public static Node apply(Node q, Node k, Node v, int heads) {
        return combine(attend(split(q, heads), split(k, heads), split(v, heads)));
    }

    /** As {@link #apply} with rotary position embeddings on q and k (PITA's DiT). */
    public static Node applyWithRotary(Node q, Node k, Node v, int heads, double ropeBase) {
        Node qh = RotaryEmbedding.apply(split(q, heads), ropeBase);
        Node kh = RotaryEmbedding.apply(split(k, heads), ropeBase);
        return combine(attend(qh, kh, split(v, heads)));
    }

    /** [N, T, H·dh] → [N, T, H, dh]. */
    private static Node split(Node x, int heads) {
        if (x.rank() != 3 || x.shape().dim(2) % heads != 0) {
            throw new IllegalArgumentException(
                    "attention inputs are [N, T, H·dh] with H = " + heads + ", got " + x.shape());
        }
        return x.reshape(x.shape().dim(0), x.shape().dim(1), heads, x.shape().dim(2) / heads);
    }

    /** Inputs [N, T, H, dh]; output [N, H, T, dh]. */
    private static Node attend(Node q, Node k, Node v) {
        double scale = 1 / Math.sqrt(q.shape().dim(3));
        Node qh = q.transpose(0, 2, 1, 3), kh = k.transpose(0, 2, 1, 3), vh = v.transpose(0, 2, 1, 3);
        return Softmax.softmax(qh.matmul(kh.mT()).mul(scale), -1).matmul(vh);
    }

    /** [N, H, T, dh] → [N, T, H·dh]. */
    private static Node combine(Node heads) {
        Node x = heads.transpose(0, 2, 1, 3);
        return x.reshape(x.shape().dim(0), x.shape().dim(1), x.shape().dim(2) * x.shape().dim(3));
    }
}
