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
        Node[] d(Node a, Node b, Node y, Node g) { return new Node[] {g.mul(b), g.mul(a)}; }
    },
    DIV("Div") {
        double f(double a, double b) { return a / b; }
        Node[] d(Node a, Node b, Node y, Node g) { return new Node[] {g.div(b), g.mul(y).div(b).neg()}; }
    },
    POW("Pow") {
        double f(double a, double b) { return Math.pow(a, b); }
        Node[] d(Node a, Node b, Node y, Node g) {
            return new Node[] {g.mul(b).mul(a.pow(b.sub(1))), g.mul(y).mul(a.log())};
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

    @Override public Node[] vjp(Node y, Node g, Node[] in) {
        Node[] d = d(in[0], in[1], y, g);
        return new Node[] {Broadcasting.sumToInput(d[0], y, g, in[0]), Broadcasting.sumToInput(d[1], y, g, in[1])};
    }

    /** ONNX arithmetic broadcasts multidirectionally, exactly like {@link Shape#broadcast}. */
    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) { ctx.node(onnxName, in, out); }
    /** x + 0, x − 0, x · 1, x / 1 and x ^ 1 are x when that does not change the shape. */
    @Override public Node simplify(Node[] in) {
        Node a = in[0], b = in[1];
        Shape out = Shape.broadcast(a.shape(), b.shape());
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
