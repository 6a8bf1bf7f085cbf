package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Shape;
import java.util.ArrayList;
import java.util.List;

/** Gradient bookkeeping for broadcasting ops: a cotangent of the broadcast shape summed back to an input's shape. */
public final class Broadcasting {
    private Broadcasting() {}

    /** Sums {@code g} over the axes along which {@code target} was broadcast, giving a node of shape {@code target}. */
    public static Node sumTo(Node g, Shape target) {
        if (g.shape().equals(target)) return g;
        int lead = g.rank() - target.rank();
        if (lead < 0) throw new IllegalArgumentException("cannot sum " + g.shape() + " to larger shape " + target);
        List<Integer> axes = new ArrayList<>();
        for (int i = 0; i < g.rank(); i++) {
            int t = i < lead ? 1 : target.dim(i - lead);
            if (t == 1 && (g.shape().dim(i) != 1 || i < lead)) axes.add(i);
            else if (t != g.shape().dim(i)) {
                throw new IllegalArgumentException("cannot sum " + g.shape() + " to " + target);
            }
        }
        Node summed = axes.isEmpty() ? g : g.sumKeep(axes.stream().mapToInt(Integer::intValue).toArray());
        return summed.shape().equals(target) ? summed : summed.reshape(target);
    }

    /** A scalar zero of the same element type as {@code like}. */
    static Node zero(Node like) { return like.graph().scalar(0, like.dtype()); }
}
