package io.pitaj.models.nn;

import io.pitaj.models.graph.Node;

/** Softmax along one axis, stable for large inputs and differentiable to any order. */
public final class Softmax {
    private Softmax() {}

    /** exp(x)/Σ exp(x) along {@code axis} (the graph op subtracts the maximum when it evaluates). */
    public static Node softmax(Node x, int axis) { return x.softmax(axis); }
}
