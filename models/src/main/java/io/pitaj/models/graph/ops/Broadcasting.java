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

    /** Whether s has fewer elements than out (for every batch size when only out has the batch, at least as few). */
    static boolean smaller(Shape s, Shape out) {
        if (s.rank() > out.rank() || (s.hasBatch() && !out.hasBatch())) return false;
        return s.hasBatch() == out.hasBatch() ? s.staticSize() < out.staticSize() : s.staticSize() <= out.staticSize();
    }

    /**
     * (s⊙v)·B with s constant along the contracted axis (a per-row scale, last dimension 1) as s⊙(v·B) when v·B is
     * smaller than the result: a stack of per-pair cotangent scalars times a forward-only factor, multiplied by a
     * weight, then needs the weight product once rather than once per cotangent. {@code product} builds v·B.
     */
    static Node pullRowScale(Node a, Node b, Shape out, java.util.function.BinaryOperator<Node> product) {
        if (a.op() != Binary.MUL) return null;
        for (int i = 0; i < 2; i++) {
            Node s = a.input(i), v = a.input(1 - i);
            if (s.rank() == 0 || s.shape().dim(s.rank() - 1) != 1 || v.rank() < 2) continue;
            if (v.shape().dim(v.rank() - 1) != a.shape().dim(a.rank() - 1)) continue;
            Node applied = product.apply(v, b);
            if (smaller(applied.shape(), out) && Shape.broadcast(s.shape(), applied.shape()).equals(out)) return s.mul(applied);
        }
        return null;
    }

    /** A scalar zero of the same element type as {@code like}. */
    static Node zero(Node like) { return like.graph().scalar(0, like.dtype()); }
}
