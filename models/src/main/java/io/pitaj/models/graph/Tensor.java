package io.pitaj.models.graph;

import io.pitaj.models.onnx.HostTensor;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A concrete row-major array of doubles with a concrete shape: the values of the interpreter and of graph
 * constants. Integer and boolean tensors hold their values as exact doubles (0/1 for booleans).
 */
public final class Tensor {
    private final int[] shape;
    private final double[] data;

    public Tensor(int[] shape, double[] data) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("concrete tensors have no symbolic dimensions: " + Arrays.toString(shape));
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
        }
        this.shape = shape.clone();
        this.data = data;
    }

    public static Tensor scalar(double v) { return new Tensor(new int[0], new double[] {v}); }

    public static Tensor zeros(int... shape) { return new Tensor(shape, new double[Math.toIntExact(count(shape))]); }

    public static Tensor filled(double v, int... shape) {
        Tensor t = zeros(shape);
        Arrays.fill(t.data, v);
        return t;
    }

    public static Tensor vector(double... values) { return new Tensor(new int[] {values.length}, values.clone()); }

    public int[] shape() { return shape.clone(); }

    public int rank() { return shape.length; }

    public int dim(int axis) { return shape[axis]; }

    public int size() { return data.length; }

    /** The backing array (not copied: the interpreter owns its tensors). */
    public double[] data() { return data; }

    public double item() {
        if (data.length != 1) throw new IllegalStateException("not a single value: " + Arrays.toString(shape));
        return data[0];
    }

    public boolean isAll(double v) {
        for (double d : data) if (d != v) return false;
        return true;
    }

    public Tensor map(DoubleUnaryOperator f) {
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) out[i] = f.applyAsDouble(data[i]);
        return new Tensor(shape, out);
    }

    /** Element-wise binary operation with numpy broadcasting. */
    public static Tensor zip(Tensor a, Tensor b, DoubleBinaryOperator f) {
        int[] out = broadcastShape(a.shape, b.shape);
        int[] sa = broadcastStrides(a.shape, out), sb = broadcastStrides(b.shape, out);
        double[] r = new double[Math.toIntExact(count(out))];
        int[] idx = new int[out.length];
        int ia = 0, ib = 0;
        for (int k = 0; k < r.length; k++) {
            r[k] = f.applyAsDouble(a.data[ia], b.data[ib]);
            for (int ax = out.length - 1; ax >= 0; ax--) {
                idx[ax]++;
                ia += sa[ax];
                ib += sb[ax];
                if (idx[ax] < out[ax]) break;
                ia -= sa[ax] * out[ax];
                ib -= sb[ax] * out[ax];
                idx[ax] = 0;
            }
        }
        return new Tensor(out, r);
    }

    /** This tensor broadcast to {@code target} (which must be a broadcast of this shape). */
    public Tensor broadcastTo(int[] target) {
        if (!Arrays.equals(broadcastShape(shape, target), target)) {
            throw new IllegalArgumentException(Arrays.toString(shape) + " does not broadcast to " + Arrays.toString(target));
        }
        return zip(this, zeros(target), (x, z) -> x);
    }

    /**
     * These values as a host tensor of the ONNX element type of {@code dtype} (float32 values are rounded, integer
     * and boolean values are exact). The data is copied, so the host tensor does not alias this one.
     */
    public HostTensor toHost(DType dtype) {
        long[] dims = Arrays.stream(shape).asLongStream().toArray();
        switch (dtype) {
            case F32: {
                float[] f = new float[data.length];
                for (int i = 0; i < f.length; i++) f[i] = (float) data[i];
                return HostTensor.ofFloats(f, dims);
            }
            case F64:
                return HostTensor.ofDoubles(data.clone(), dims);
            case I64:
                return HostTensor.ofLongs(Arrays.stream(data).mapToLong(v -> (long) v).toArray(), dims);
            default: {
                boolean[] b = new boolean[data.length];
                for (int i = 0; i < b.length; i++) b[i] = data[i] != 0;
                return HostTensor.ofBooleans(b, dims);
            }
        }
    }

    public Tensor reshape(int[] newShape) { return new Tensor(newShape, data); }

    /** The numpy broadcast of two concrete shapes. */
    public static int[] broadcastShape(int[] a, int[] b) {
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.length ? 1 : a[i - (r - a.length)];
            int db = i < r - b.length ? 1 : b[i - (r - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("shapes " + Arrays.toString(a) + " and " + Arrays.toString(b) + " do not broadcast");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** Strides of {@code shape} viewed inside the broadcast shape {@code out}: 0 along broadcast axes. */
    static int[] broadcastStrides(int[] shape, int[] out) {
        int[] s = new int[out.length];
        int stride = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            int o = i + out.length - shape.length;
            s[o] = shape[i] == 1 ? 0 : stride;
            stride *= shape[i];
        }
        return s;
    }

    /**
     * Product of {@code shape[from .. to)}: the outer (before an axis) and inner (after it) extents of a row-major
     * tensor, which turn one-axis ops into block copies.
     */
    public static int product(int[] shape, int from, int to) {
        int n = 1;
        for (int d = from; d < to; d++) n *= shape[d];
        return n;
    }

    static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int stride = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = stride;
            stride *= shape[i];
        }
        return s;
    }

    static long count(int[] shape) {
        long n = 1;
        for (int d : shape) n *= d;
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() { return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data); }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape) + (data.length <= 8 ? Arrays.toString(data) : "");
    }
}
