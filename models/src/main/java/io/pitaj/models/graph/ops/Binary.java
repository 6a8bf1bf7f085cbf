package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;

/**
 * Broadcasting arithmetic on two float tensors of the same type. Each constant gives the forward value and the
 * cotangents of both operands before un-broadcasting ({@link Broadcasting#sumTo}).
 */
public enum Binary implements Op {
    ADD("Add") {
        double f(double a, double b) { return a + b; }
        Node[] d(Node a, Node b, Node y, Node g) { return new Node[] {g, g}; }
    },
    SUB("Sub") {
        double f(double a, double b) { return a - b; }
        Node[] d(Node a, Node b, Node y, Node g) { return new Node[] {g, g.neg()}; }
    },
    MUL("Mul") {
        double f(double a, double b) { return a * b; }
        /** x·x (one node twice) gets its whole derivative 2x·g through the first operand. */
        Node[] d(Node a, Node b, Node y, Node g) {
            return a == b ? new Node[] {g.mul(a.mul(2)), null} : new Node[] {g.mul(b), g.mul(a)};
        }
    },
    DIV("Div") {
        double f(double a, double b) { return a / b; }
        Node[] d(Node a, Node b, Node y, Node g) { return new Node[] {g.div(b), g.mul(y.div(b).neg())}; }
    },
    POW("Pow") {
        double f(double a, double b) { return Math.pow(a, b); }
        Node[] d(Node a, Node b, Node y, Node g) {
            return new Node[] {g.mul(b.mul(a.pow(b.sub(1)))), g.mul(y.mul(a.log()))};
        }
    },
    MAX("Max") {
        double f(double a, double b) { return Math.max(a, b); }
        Node[] d(Node a, Node b, Node y, Node g) {
            Node first = a.ge(b), zero = Broadcasting.zero(g);
            return new Node[] {first.where(g, zero), first.where(zero, g)};
        }
    },
    MIN("Min") {
        double f(double a, double b) { return Math.min(a, b); }
        Node[] d(Node a, Node b, Node y, Node g) {
            Node first = a.le(b), zero = Broadcasting.zero(g);
            return new Node[] {first.where(g, zero), first.where(zero, g)};
        }
    };

    private final String onnxName;

    Binary(String onnxName) { this.onnxName = onnxName; }

    public String onnxName() { return onnxName; }

    @Override public String label() { return onnxName; }

    abstract double f(double a, double b);

    abstract Node[] d(Node a, Node b, Node y, Node g);

    @Override public Shape shape(Node[] in) {
        if (in[0].dtype() != in[1].dtype() || !in[0].dtype().isFloat()) {
            throw new IllegalArgumentException("needs two float inputs of one type, got " + in[0].dtype() + " and " + in[1].dtype());
        }
        return Shape.broadcast(in[0].shape(), in[1].shape());
    }

    @Override public Tensor eval(Tensor[] in) { return Tensor.zip(in[0], in[1], this::f); }

    /**
     * Each operand's cotangent is written with the factors that do not involve g grouped first, so that they are
     * computed once from the forward values and shared by every cotangent of a stack (one pass over g each).
     */
    @Override public Node[] vjp(Node y, Node g, Node[] in) {
        Node[] d = d(in[0], in[1], y, g);
        return new Node[] {d[0] == null ? null : Broadcasting.sumToInput(d[0], y, g, in[0]),
                d[1] == null ? null : Broadcasting.sumToInput(d[1], y, g, in[1])};
    }

    /**
     * ONNX arithmetic broadcasts multidirectionally, exactly like {@link Shape#broadcast}. An output whose last axes
     * have length 1 is computed without them and reshaped back: ORT 1.29 multiplies a [..., 1] tensor by a scalar
     * about 100 times slower than the same tensor without the trailing 1 (a per-element broadcast loop), and such
     * columns ([pairs, 1] gates and weights) are common in the networks' backward passes.
     */
    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) {
        int unit = 0;
        while (unit < y.rank() && y.shape().dim(y.rank() - 1 - unit) == 1) unit++;
        if (unit == 0 || unit == y.rank()) {
            ctx.node(onnxName, in, out);
            return;
        }
        String a = withoutTrailingAxes(ctx, y.input(0), in.get(0), unit), b = withoutTrailingAxes(ctx, y.input(1), in.get(1), unit);
        ctx.node("Reshape", List.of(ctx.op(onnxName, List.of(a, b)), ctx.int64s(y.shape().dims())), out);
    }

    /**
     * (u·v)·c regrouped as u·(v·c) or v·(u·c), whichever inner product is smaller, when it is smaller than u·v: a chain
     * of factors applied to a large value (a stack of cotangents times forward-only factors, an outer product times a
     * derivative) then costs one pass over the large value instead of one per factor, and the small product is
     * computed once. Requiring the intermediate to shrink strictly makes rewriting terminate (no rotation cycles).
     */
    private static Node regroupProduct(Node product, Node c) {
        if (product.op() != MUL) return null;
        Node best = null, partner = null;
        Shape bestShape = product.shape();
        for (int i = 0; i < 2; i++) {
            Node u = product.input(i), v = product.input(1 - i);
            Shape inner;
            try {
                inner = Shape.broadcast(v.shape(), c.shape());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (Broadcasting.smaller(inner, bestShape)) {
                bestShape = inner;
                best = v;
                partner = u;
            }
        }
        return best == null ? null : partner.mul(best.mul(c));
    }

    /** An operand with its last {@code count} axes (all of length 1 where it has them) dropped; −1 marks the batch. */
    private static String withoutTrailingAxes(OnnxLowering ctx, Node operand, String name, int count) {
        int keep = Math.max(0, operand.rank() - count);
        if (keep == operand.rank()) return name;
        return ctx.op("Reshape", List.of(name, ctx.int64s(java.util.Arrays.copyOf(operand.shape().dims(), keep))));
    }

    /**
     * x + 0, x − 0, x · 1, x / 1 and x ^ 1 are x when that does not change the shape; an operand that is only an
     * expansion (expandLike) is used unexpanded when the other operand's shape broadcasts it to the same result, since
     * this op broadcasts by itself (the VJP of a sum over an axis is such an expansion; the product that usually
     * follows it then reads the small cotangent instead of a materialised copy).
     */
    @Override public Node simplify(Node[] in) {
        Node a = in[0], b = in[1];
        Shape out = Shape.broadcast(a.shape(), b.shape());
        if (this == ADD && a.op() instanceof Pad pa && b.op() instanceof Pad pb && a.shape().equals(b.shape())) {
            Node joined = Pad.joinAdjacent(a, pa, b, pb);
            if (joined != null) return joined;
        }
        if (this == MUL) {
            Node regrouped = regroupProduct(a, b);
            if (regrouped == null) regrouped = regroupProduct(b, a);
            if (regrouped != null) return regrouped;
        }
        if (a.op() == ExpandLike.INSTANCE && Shape.broadcast(a.input(0).shape(), b.shape()).equals(out)) {
            return a.graph().apply(this, a.input(0), b);
        }
        if (b.op() == ExpandLike.INSTANCE && Shape.broadcast(a.shape(), b.input(0).shape()).equals(out)) {
            return a.graph().apply(this, a, b.input(0));
        }
        boolean aKeeps = a.shape().equals(out), bKeeps = b.shape().equals(out);
        switch (this) {
            case ADD:
                if (Constant.isAll(b, 0) && aKeeps) return a;
                if (Constant.isAll(a, 0) && bKeeps) return b;
                return null;
            case MUL:
                if (Constant.isAll(b, 1) && aKeeps) return a;
                if (Constant.isAll(a, 1) && bKeeps) return b;
                return null;
            case SUB:
                return Constant.isAll(b, 0) && aKeeps ? a : null;
            case DIV:
            case POW:
                return Constant.isAll(b, 1) && aKeeps ? a : null;
            default:
                return null;
        }
    }
}
