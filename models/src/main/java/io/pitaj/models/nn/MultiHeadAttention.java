package io.pitaj.models.nn;

import io.pitaj.models.graph.Node;

/**
 * Scaled dot-product self-attention over heads, given queries, keys and values already projected: each
 * [..., T, H·dh] with any number of leading axes. Projections (q/k/v and output) are the caller's linear layers.
 */
public final class MultiHeadAttention {
    private MultiHeadAttention() {}

    /** softmax(q·kᵀ/√dh)·v per head; the result is [..., T, H·dh] with the heads concatenated as in the input. */
    public static Node apply(Node q, Node k, Node v, int heads) {
        return combine(attend(split(q, heads), split(k, heads), split(v, heads)));
    }

    /** As {@link #apply} with rotary position embeddings on q and k (PITA's DiT). */
    public static Node applyWithRotary(Node q, Node k, Node v, int heads, double ropeBase) {
        return applyToHeads(RotaryEmbedding.apply(split(q, heads), ropeBase),
                RotaryEmbedding.apply(split(k, heads), ropeBase), split(v, heads));
    }

    /** Attention on inputs already split into heads, [..., T, H, dh] each; the result is [..., T, H·dh]. */
    public static Node applyToHeads(Node q, Node k, Node v) { return combine(attend(q, k, v)); }

    /** [..., T, H·dh] → [..., T, H, dh]. */
    public static Node split(Node x, int heads) {
        int r = x.rank();
        if (r < 2 || heads < 1 || x.shape().dim(r - 1) % heads != 0) {
            throw new IllegalArgumentException(
                    "attention inputs are [..., T, H·dh] with H = " + heads + ", got " + x.shape());
        }
        int[] dims = java.util.Arrays.copyOf(x.shape().dims(), r + 1);
        dims[r - 1] = heads;
        dims[r] = x.shape().dim(r - 1) / heads;
        return x.reshape(dims);
    }

    /** Inputs [..., T, H, dh]; output [..., H, T, dh]. */
    private static Node attend(Node q, Node k, Node v) {
        return attendHeadMajor(headMajor(q), headMajor(k), headMajor(v));
    }

    /** softmax(q·kᵀ/√dh)·v on head-major inputs [..., H, T, dh]; output [..., H, T, dh]. */
    public static Node attendHeadMajor(Node qh, Node kh, Node vh) {
        double scale = 1 / Math.sqrt(qh.shape().dim(qh.rank() - 1));
        return Softmax.softmax(qh.matmulTransposed(kh).mul(scale), -1).matmul(vh);
    }

    /** [..., T, H, dh] → [..., H, T, dh]. */
    public static Node headMajor(Node x) { return swapTokensAndHeads(x); }

    /** [..., H, T, dh] → [..., T, H·dh]. */
    public static Node combine(Node heads) {
        Node x = swapTokensAndHeads(heads);
        int r = x.rank();
        int[] dims = java.util.Arrays.copyOf(x.shape().dims(), r - 1);
        dims[r - 2] = x.shape().dim(r - 2) * x.shape().dim(r - 1);
        return x.reshape(dims);
    }

    /** Swaps axes −3 and −2 ([..., T, H, dh] ↔ [..., H, T, dh]). */
    private static Node swapTokensAndHeads(Node x) {
        int r = x.rank();
        int[] perm = new int[r];
        for (int i = 0; i < r; i++) perm[i] = i;
        perm[r - 3] = r - 2;
        perm[r - 2] = r - 3;
        return x.transpose(perm);
    }
}
