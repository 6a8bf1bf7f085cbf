package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;

/**
 * Broadcasts the first input to the broadcast of both shapes; the second input only lends its shape (so a static
 * value can be expanded to a batch shape known only at run time). No gradient flows to the shape donor.
 */
public enum ExpandLike implements Op {
    INSTANCE;

    @Override public String label() { return "ExpandLike"; }

    @Override public Shape shape(Node[] in) { return Shape.broadcast(in[0].shape(), in[1].shape()); }

    @Override public Tensor eval(Tensor[] in) {
        return Tensor.zip(in[0], in[1], (a, ignored) -> a);
    }

    @Override public Node[] vjp(Node y, Node g, Node[] in) {
        return new Node[] {Broadcasting.sumTo(g, in[0].shape()), null};
    }

    @Override public Node simplify(Node[] in) {
        return in[0].shape().equals(Shape.broadcast(in[0].shape(), in[1].shape())) ? in[0] : null;
    }
}
