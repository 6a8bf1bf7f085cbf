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

    /**
     * Number of stacked-cotangent axes in front of y's shape in its cotangent g (0 for an ordinary VJP): a VJP may be
     * asked for several cotangents at once, stacked on leading axes, and must return input cotangents stacked the same
     * way ({@link io.pitaj.models.graph.Op#vjp}).
     */
    public static int lead(Node y, Node g) {
        int lead = g.rank() - y.rank();
        if (lead < 0) throw new IllegalArgumentException("cotangent " + g.shape() + " is smaller than its value " + y.shape());
        return lead;
    }

    /** {@code s} with the first {@code lead} axes of g in front: the shape of an input's stacked cotangent. */
    public static Shape lifted(Node g, int lead, Shape s) {
        int[] dims = new int[lead + s.rank()];
        for (int i = 0; i < lead; i++) dims[i] = g.shape().dim(i);
        for (int i = 0; i < s.rank(); i++) dims[lead + i] = s.dim(i);
        return Shape.of(dims);
    }

    /**
     * {@link #sumTo} the stacked shape of {@code input}: sums the axes along which the input was broadcast and keeps
     * the stacking axes of g in front. (Plain right-aligned broadcasting would line the stacking axes up with the
     * input's own axes, so the input's shape is first padded to the rank of d without them.)
     */
    public static Node sumToInput(Node d, Node y, Node g, Node input) {
        int lead = lead(y, g);
        Shape target = lifted(g, lead, input.shape());
        if (lead == 0) return sumTo(d, target);
        int pad = d.rank() - lead - input.rank();
        if (pad < 0) throw new IllegalArgumentException("cannot sum " + d.shape() + " to " + target);
        int[] aligned = new int[d.rank()];
        for (int i = 0; i < aligned.length; i++) {
            aligned[i] = i < lead ? g.shape().dim(i) : i < lead + pad ? 1 : input.shape().dim(i - lead - pad);
        }
        Node summed = sumTo(d, Shape.of(aligned));
        return summed.shape().equals(target) ? summed : summed.reshape(target);
    }

    /** A scalar zero of the same element type as {@code like}. */
    static Node zero(Node like) { return like.graph().scalar(0, like.dtype()); }
}
