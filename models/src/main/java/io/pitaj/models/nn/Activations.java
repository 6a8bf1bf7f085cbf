package io.pitaj.models.nn;

import io.pitaj.models.graph.Node;

/** Element-wise activation functions of the networks, composed of graph ops so they differentiate to any order. */
public final class Activations {
    /** √(2/π), the scale inside GELU's tanh approximation. */
    private static final double GELU_SCALE = Math.sqrt(2 / Math.PI);
    private static final double GELU_CUBIC = 0.044715;

    private Activations() {}

    /** SiLU (swish): x·sigmoid(x). */
    public static Node silu(Node x) { return x.mul(x.sigmoid()); }

    /**
     * GELU with the tanh approximation, as PyTorch's {@code gelu(x, approximate='tanh')}:
     * ½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).
     */
    public static Node gelu(Node x) {
        Node inner = x.add(x.pow(3).mul(GELU_CUBIC)).mul(GELU_SCALE);
        return x.mul(inner.tanh().add(1)).mul(0.5);
    }
}
