package io.pitaj.models.graph.ops;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Op;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.Attribute;
import io.pitaj.models.onnx.OnnxLowering;
import java.util.List;
import java.util.TreeSet;

/** Sum, mean or maximum over a set of axes (the batch axis included), keeping or dropping them. */
public record Reduce(Kind kind, List<Integer> axes, boolean keepDims) implements Op {
    public enum Kind {
        SUM("ReduceSum"), MEAN("ReduceMean"), MAX("ReduceMax");

        private final String onnxName;

        Kind(String onnxName) { this.onnxName = onnxName; }

        public String onnxName() { return onnxName; }
    }

    /** Normalised (sorted, non-negative, distinct) axes of {@code shape}. */
    public static Reduce of(Kind kind, Shape shape, boolean keepDims, int... axes) {
        if (axes.length == 0 && shape.rank() > 0) throw new IllegalArgumentException(kind + " needs at least one axis");
        TreeSet<Integer> set = new TreeSet<>();
        for (int a : axes) set.add(shape.axis(a));
        return new Reduce(kind, List.copyOf(set), keepDims);
    }

    @Override public String label() { return kind.onnxName() + axes + (keepDims ? "keep" : ""); }

    @Override public Shape shape(Node[] in) {
        if (!in[0].dtype().isFloat()) throw new IllegalArgumentException("reduces float tensors only");
        return reducedShape(in[0].shape(), keepDims);
    }

    private Shape reducedShape(Shape s, boolean keep) {
        int[] d = s.dims();
        int[] out = new int[keep ? d.length : d.length - axes.size()];
        for (int i = 0, j = 0; i < d.length; i++) {
            if (axes.contains(i)) {
                if (keep) out[j++] = 1;
            } else {
                out[j++] = d[i];
            }
        }
        return Shape.of(out);
    }

    @Override public Tensor eval(Tensor[] in) {
        Tensor x = in[0];
        int[] shape = x.shape(), keep = shape.clone();
        for (int a : axes) keep[a] = 1;
        int count = 1;
        for (int a : axes) count *= shape[a];
        double[] acc = new double[(int) Tensor.zeros(keep).size()];
        java.util.Arrays.fill(acc, kind == Kind.MAX ? Double.NEGATIVE_INFINITY : 0);
        int[] idx = new int[shape.length];
        int[] strides = new int[shape.length];
        for (int i = shape.length - 1, s = 1; i >= 0; i--) {
            strides[i] = keep[i] == 1 ? 0 : s;
            s *= keep[i];
        }
        double[] data = x.data();
        int o = 0;
        for (int k = 0; k < data.length; k++) {
            double v = data[k];
            acc[o] = kind == Kind.MAX ? (Double.isNaN(v) || v > acc[o] ? v : acc[o]) : acc[o] + v;
            for (int ax = shape.length - 1; ax >= 0; ax--) {
                idx[ax]++;
                o += strides[ax];
                if (idx[ax] < shape[ax]) break;
                o -= strides[ax] * shape[ax];
                idx[ax] = 0;
            }
        }
        if (kind == Kind.MEAN) for (int i = 0; i < acc.length; i++) acc[i] /= count;
        return new Tensor(keepDims ? keep : reducedShape(Shape.of(shape), false).dims(), acc);
    }

    /**
     * The maximum's gradient is shared evenly by the elements that attain it, as PyTorch's {@code amax} does: a tie of
     * m elements gives each 1/m of the cotangent, so the gradient of max(x, x) is the same as that of x.
     */
    @Override public Node[] vjp(Node y, Node g, Node[] in) {
        Node x = in[0];
        Shape keepShape = reducedShape(x.shape(), true);
        Node gk = keepDims ? g : g.reshape(Broadcasting.lifted(g, Broadcasting.lead(y, g), keepShape));
        switch (kind) {
            case SUM:
                return new Node[] {gk.expandLike(x)};
            case MEAN:
                return new Node[] {gk.expandLike(x).div(count(x))};
            default:
                Node yk = keepDims ? y : y.reshape(keepShape);
                Node attains = x.eq(yk).cast(x.dtype());
                int[] reduced = axes.stream().mapToInt(Integer::intValue).toArray();
                return new Node[] {gk.mul(attains.div(attains.sumKeep(reduced)))};
        }
    }

    /**
     * Number of reduced elements: a constant, or — when the batch axis is reduced — the sum of ones over the reduced
     * axes of x, which the runtime evaluates with the bound batch size.
     */
    private Node count(Node x) {
        boolean batch = false;
        long n = 1;
        for (int a : axes) {
            if (x.shape().dim(a) == Shape.BATCH) batch = true;
            else n *= x.shape().dim(a);
        }
        Node one = x.graph().scalar(1, x.dtype());
        return batch ? one.expandLike(x).sumKeep(axes.stream().mapToInt(Integer::intValue).toArray()) : one.mul(n);
    }

    /** Opset 18 takes the axes as an int64 input; reducing a scalar over no axes is the identity. */
    @Override public void toOnnx(OnnxLowering ctx, Node y, List<String> in, String out) {
        if (axes.isEmpty()) {
            ctx.node("Identity", in, out);
            return;
        }
        if (kind == Kind.SUM && isLeadingPrefix() && axes.size() > 1 && axes.size() < y.input(0).rank() && !y.shape().hasBatch()) {
            // a sum over the leading axes (a bias gradient, e.g. [512, 13, 13, 32] → [32]) as ones[1, P]·X[P, C]:
            // ORT's ReduceSum over leading rows of a narrow matrix runs at a few GB/s, the GEMM at memory speed (a
            // sum over all axes stays a ReduceSum: as a GEMV with one column it is slower)
            Node x = y.input(0);
            long columns = 1;
            for (int i = axes.size(); i < x.rank(); i++) columns *= x.shape().dim(i);
            String flat = ctx.op("Reshape", List.of(in.get(0), ctx.int64s(-1L, columns)));
            String rows = ctx.op("Slice", List.of(ctx.shapeOf(flat), ctx.int64s(0L), ctx.int64s(1L)));
            String onesShape = ctx.op("Concat", List.of(ctx.int64s(1L), rows), Attribute.ofInt("axis", 0));
            String ones = ctx.op("ConstantOfShape", List.of(onesShape), Attribute.ofTensor("value", Tensor.vector(1).toHost(y.dtype())));
            String summed = ctx.op("MatMul", List.of(ones, flat));
            ctx.node("Reshape", List.of(summed, ctx.int64s(java.util.Arrays.stream(y.shape().dims()).asLongStream().toArray())), out);
            return;
        }
        String axesName = ctx.int64s(axes.stream().mapToInt(Integer::intValue).toArray());
        ctx.node(kind.onnxName(), List.of(in.get(0), axesName), out, Attribute.ofInt("keepdims", keepDims ? 1 : 0));
    }

    private boolean isLeadingPrefix() {
        for (int i = 0; i < axes.size(); i++) if (axes.get(i) != i) return false;
        return true;
    }
}
