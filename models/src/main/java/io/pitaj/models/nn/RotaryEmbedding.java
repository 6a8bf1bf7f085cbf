package io.pitaj.models.nn;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Tensor;

/**
 * Rotary position embedding with the adjacent-pair convention of torchtune's {@code RotaryPositionalEmbeddings}
 * (pita-algorithm.md §2.2): channels (2i, 2i+1) of a head form a pair rotated by the angle p·θ_i at position p, with
 * θ_i = base^(−2i/dh). The angles are constants of the graph since positions are the static token indices.
 *
 * <p>Computed as x⊙cos + (x·P)⊙sin, where P swaps the channels of each pair and the tables carry cos θ on both
 * channels and ∓sin θ on the first and second. Picking the pairs apart with slices would make every backward pass pad
 * its cotangents back, which ORT does slowly; the swap is a small matmul per head, and the products run over all
 * heads' channels at once.
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
        int tokens = x.shape().dim(r - 3), heads = x.shape().dim(r - 2), dh = x.shape().dim(r - 1);
        int[] merged = java.util.Arrays.copyOf(x.shape().dims(), r - 1);
        merged[r - 2] = heads * dh;
        Tables t = tables(tokens, heads, dh, base);
        Node c = x.graph().constant(t.cos(), x.dtype()), s = x.graph().constant(t.sin(), x.dtype());
        return x.reshape(merged).mul(c).add(pairSwap(x).reshape(merged).mul(s)).reshape(x.shape());
    }

    /**
     * The same rotation of x in head-major layout [..., H, T, dh]: the tables are [T, dh] and broadcast over the
     * heads, so no reshape is needed — and the attention's key transpose then stays a cheap last-two-axes swap that
     * ORT fuses into its matmul (after the token/head swap it would merge into one slow 4-D transpose).
     */
    public static Node applyHeadMajor(Node x, double base) {
        int r = x.rank();
        if (r < 3 || x.shape().dim(r - 1) % 2 != 0) {
            throw new IllegalArgumentException("rotary embedding needs [..., H, T, dh] with dh even, got " + x.shape());
        }
        Tables t = tables(x.shape().dim(r - 2), 1, x.shape().dim(r - 1), base);
        return x.mul(x.graph().constant(t.cos(), x.dtype())).add(pairSwap(x).mul(x.graph().constant(t.sin(), x.dtype())));
    }

    /** cos and ∓sin per token and channel, [T, H·dh], the same for every head. */
    private record Tables(Tensor cos, Tensor sin) {}

    private static Tables tables(int tokens, int heads, int dh, double base) {
        int width = heads * dh;
        double[] cos = new double[tokens * width], sin = new double[tokens * width];
        for (int t = 0; t < tokens; t++) {
            for (int h = 0; h < heads; h++) {
                for (int i = 0; i < dh / 2; i++) {
                    double angle = t * Math.pow(base, -2.0 * i / dh);
                    int c = t * width + h * dh + 2 * i;
                    cos[c] = cos[c + 1] = Math.cos(angle);
                    sin[c] = -Math.sin(angle);
                    sin[c + 1] = Math.sin(angle);
                }
            }
        }
        return new Tables(new Tensor(new int[] {tokens, width}, cos), new Tensor(new int[] {tokens, width}, sin));
    }

    /** x·P with P swapping the channels of each pair. */
    private static Node pairSwap(Node x) {
        int dh = x.shape().dim(x.rank() - 1);
        double[] swap = new double[dh * dh];
        for (int i = 0; i < dh; i += 2) {
            swap[i * dh + i + 1] = 1;
            swap[(i + 1) * dh + i] = 1;
        }
        return x.matmul(x.graph().constant(new Tensor(new int[] {dh, dh}, swap), x.dtype()));
    }
}
