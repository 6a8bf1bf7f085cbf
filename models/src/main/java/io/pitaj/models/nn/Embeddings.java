package io.pitaj.models.nn;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Tensor;

/** Fixed (non-trained) embeddings of scalars and vectors into sinusoidal features. */
public final class Embeddings {
    /** PITA's DiT conditioning: 256 features (128 frequencies) with maximum period 10⁴ (pita-algorithm.md §2.2). */
    public static final int TIMESTEP_DIM = 256;
    public static final double MAX_PERIOD = 10_000;

    private Embeddings() {}

    /**
     * Sinusoidal embedding of t (any shape S) into S + [dim]: [cos(t·f_0), …, cos(t·f_{k−1}), sin(t·f_0), …,
     * sin(t·f_{k−1})] with k = dim/2 and f_i = exp(−ln(maxPeriod)·i/k), as the DiT timestep embedder.
     */
    public static Node timestep(Node t, int dim, double maxPeriod) {
        if (dim % 2 != 0) throw new IllegalArgumentException("embedding dimension must be even, got " + dim);
        int half = dim / 2;
        double[] freqs = new double[half];
        for (int i = 0; i < half; i++) freqs[i] = Math.exp(-Math.log(maxPeriod) * i / half);
        int[] column = java.util.Arrays.copyOf(t.shape().dims(), t.rank() + 1);
        column[t.rank()] = 1;
        Node args = t.reshape(column).mul(t.graph().constant(Tensor.vector(freqs), t.dtype()));
        return Node.concat(-1, args.cos(), args.sin());
    }

    public static Node timestep(Node t) { return timestep(t, TIMESTEP_DIM, MAX_PERIOD); }

    /**
     * Random Fourier features of x [..., d] (rank ≥ 2, e.g. [N, d]) with a given frequency matrix B [d, m]:
     * [cos(x·B), sin(x·B)] of shape [..., 2m]. Any 2π factor belongs in B, so the same function serves every
     * convention.
     */
    public static Node fourierFeatures(Node x, Tensor frequencies) {
        Node args = x.matmul(x.graph().constant(frequencies, x.dtype()));
        return Node.concat(-1, args.cos(), args.sin());
    }
}
