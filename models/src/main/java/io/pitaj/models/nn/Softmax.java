package io.pitaj.models.nn;

import io.pitaj.models.graph.Node;

/** Softmax along one axis, stable for large inputs and differentiable to any order. */
public final class Softmax {
    private Softmax() {}

    /**
     * exp(x − m) / Σ exp(x − m) with m the maximum along {@code axis}. Softmax is invariant under shifts along the
     * axis, so treating m as a constant (stopGradient) leaves every derivative exact while keeping exp from
     * overflowing, and spares the derivative graphs the max's tie-routing masks.
     */
    public static Node softmax(Node x, int axis) {
        Node e = x.sub(x.reduceMaxKeep(axis).stopGradient()).exp();
        return e.div(e.sumKeep(axis));
    }
}
