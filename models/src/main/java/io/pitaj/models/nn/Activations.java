package io.pitaj.models.nn;

import io.pitaj.models.graph.Node;

/** Element-wise activation functions of the networks; each is one graph op whose derivative is built from primitives. */
public final class Activations {
    private Activations() {}

    /** SiLU (swish): x·sigmoid(x). */
    public static Node silu(Node x) { return x.silu(); }

    /**
     * GELU with the tanh approximation, as PyTorch's {@code gelu(x, approximate='tanh')}:
     * ½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).
     */
    public static Node gelu(Node x) { return x.geluTanh(); }
}
