package io.pitaj.models.nets;

import io.pitaj.models.graph.Node;

/**
 * EDM preconditioning with σ_data = 1, written in the variance h = σ² (pita-algorithm.md §1.3): the factors by which
 * the backbone's input and output are scaled and the noise level it is told. Each takes h of any shape and returns
 * a node of that shape, built from differentiable ops so that derivatives in h (hence in t) see every factor.
 */
public final class Preconditioning {
    private Preconditioning() {}

    /** c_skip = 1/(1 + h). */
    public static Node cSkip(Node h) { return h.add(1).pow(-1); }

    /** c_in = 1/√(1 + h). */
    public static Node cIn(Node h) { return h.add(1).pow(-0.5); }

    /** c_out = √h/√(1 + h). */
    public static Node cOut(Node h) { return h.sqrt().mul(cIn(h)); }

    /** c_noise = ¼·ln σ = ⅛·ln h. */
    public static Node cNoise(Node h) { return h.log().mul(0.125); }

    /**
     * A per-sample value s (shape [...]) reshaped to broadcast against x (shape [..., per-sample dims]): trailing
     * axes of size 1 are appended.
     */
    public static Node perSample(Node s, Node x) {
        if (s.rank() > x.rank()) throw new IllegalArgumentException("per-sample " + s.shape() + " vs " + x.shape());
        int[] dims = java.util.Arrays.copyOf(s.shape().dims(), x.rank());
        for (int i = s.rank(); i < dims.length; i++) dims[i] = 1;
        return s.reshape(dims);
    }
}
