package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;

/** Element-wise functions of one float tensor: forward value and derivative, each in one line. */
public enum Unary implements Op {
    NEG("Neg") {
        double f(double x) { return -x; }
        Node d(Node x, Node y, Node g) { return g.neg(); }
    },
    EXP("Exp") {
        double f(double x) { return Math.exp(x); }
        Node d(Node x, Node y, Node g) { return g.mul(y); }
    },
    LOG("Log") {
        double f(double x) { return Math.log(x); }
        Node d(Node x, Node y, Node g) { return g.div(x); }
    },
    SQRT("Sqrt") {
        double f(double x) { return Math.sqrt(x); }
        Node d(Node x, Node y, Node g) { return g.div(y.mul(2)); }
    },
    TANH("Tanh") {
        double f(double x) { return Math.tanh(x); }
        Node d(Node x, Node y, Node g) { return g.mul(y.square().rsub(1)); }
    },
    SIGMOID("Sigmoid") {
        double f(double x) { return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)); }
        Node d(Node x, Node y, Node g) { return g.mul(y.mul(y.rsub(1))); }
    },
    SIN("Sin") {
        double f(double x) { return Math.sin(x); }
        Node d(Node x, Node y, Node g) { return g.mul(x.cos()); }
    },
    COS("Cos") {
        double f(double x) { return Math.cos(x); }
        Node d(Node x, Node y, Node g) { return g.mul(x.sin()).neg(); }
    },
    ABS("Abs") {
        double f(double x) { return Math.abs(x); }
        Node d(Node x, Node y, Node g) { return g.mul(x.sign()); }
    },
    /** Piecewise constant: no gradient flows (derivative zero almost everywhere). */
    SIGN("Sign") {
        double f(double x) { return Math.signum(x); }
        Node d(Node x, Node y, Node g) { return null; }
    };

    private final String onnxName;

    Unary(String onnxName) { this.onnxName = onnxName; }

    /** The ONNX operator with the same semantics. */
    public String onnxName() { return onnxName; }

    @Override public String label() { return onnxName; }

    abstract double f(double x);

    /** Cotangent of x given y = f(x) and the cotangent g of y. */
    abstract Node d(Node x, Node y, Node g);

    @Override public Shape shape(Node[] in) {
        if (!in[0].dtype().isFloat()) throw new IllegalArgumentException("needs a float input, got " + in[0].dtype());
        return in[0].shape();
    }

    @Override public Tensor eval(Tensor[] in) { return in[0].map(this::f); }

    @Override public Node[] vjp(Node y, Node g, Node[] in) { return new Node[] {d(in[0], y, g)}; }

    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) { ctx.node(onnxName, in, out); }
    @Override public Node simplify(Node[] in) {
        return this == NEG && in[0].op() == NEG ? in[0].input(0) : null;
    }

    @Override public DType dtype(Node[] in) { return in[0].dtype(); }
}
