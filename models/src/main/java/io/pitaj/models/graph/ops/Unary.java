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
    },
    /** SiLU (swish) x·σ(x); its derivative σ(x)·(1 + x·(1 − σ(x))) depends on x alone. */
    SILU("Silu") {
        double f(double x) { return x * SIGMOID.f(x); }
        Node d(Node x, Node y, Node g) {
            Node s = x.sigmoid();
            return g.mul(s.mul(x.mul(s.rsub(1)).add(1)));
        }
        /**
         * float32: x·Sigmoid(x), which ORT's QuickGelu fusion turns into one kernel. float64: x/(1 + exp(−x)), because
         * ORT 1.29 fuses the float64 pattern too, into a QuickGelu that has only a float32 kernel, and then fails to
         * create the session.
         */
        @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) {
            String x = in.get(0);
            if (y.dtype() == DType.F32) {
                ctx.node("Mul", List.of(x, ctx.op("Sigmoid", in)), out);
            } else {
                String denominator = ctx.op("Add", List.of(ctx.op("Exp", List.of(ctx.op("Neg", in))), scalar(ctx, y, 1)));
                ctx.node("Div", List.of(x, denominator), out);
            }
        }
    },
    /**
     * GELU with the tanh approximation (PyTorch's {@code approximate='tanh'}): ½x(1 + tanh(√(2/π)(x + 0.044715x³))).
     */
    GELU_TANH("GeluTanh") {
        double f(double x) { return 0.5 * x * (1 + Math.tanh(GELU_SCALE * (x + GELU_CUBIC * x * x * x))); }
        /**
         * slope = ½ + ½τ + x(1 − τ²)·u′/2 with τ = tanh(x·(a + ac·x²)) and u′/2 = 1.5ac·x² + a/2: the constants are
         * folded and x² is shared, because every node here is one element-wise pass, repeated in every second-order
         * graph.
         */
        Node d(Node x, Node y, Node g) {
            Node x2 = x.square();
            Node tau = x.mul(x2.mul(GELU_SCALE * GELU_CUBIC).add(GELU_SCALE)).tanh();
            Node halfInner = x2.mul(1.5 * GELU_SCALE * GELU_CUBIC).add(0.5 * GELU_SCALE);
            Node slope = x.mul(tau.square().rsub(1)).mul(halfInner).add(tau.mul(0.5)).add(0.5);
            return g.mul(slope);
        }
        /** The primitive pattern that ORT's FastGelu fusion recognises (one kernel for float32). */
        @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) {
            String x = in.get(0);
            String cubic = ctx.op("Pow", List.of(x, scalar(ctx, y, 3)));
            String arg = ctx.op("Mul", List.of(ctx.op("Add", List.of(x, ctx.op("Mul", List.of(cubic, scalar(ctx, y, GELU_CUBIC))))),
                    scalar(ctx, y, GELU_SCALE)));
            String onePlus = ctx.op("Add", List.of(ctx.op("Tanh", List.of(arg)), scalar(ctx, y, 1)));
            ctx.node("Mul", List.of(ctx.op("Mul", List.of(x, scalar(ctx, y, 0.5))), onePlus), out);
        }
    };

    /** √(2/π) and the cubic coefficient inside GELU's tanh approximation. */
    private static final double GELU_SCALE = Math.sqrt(2 / Math.PI), GELU_CUBIC = 0.044715;

    /** A scalar initializer of y's element type. */
    private static String scalar(OnnxLowering ctx, Node y, double v) {
        String name = ctx.fresh("const");
        ctx.initializer(name, Tensor.scalar(v).toHost(y.dtype()));
        return name;
    }

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
