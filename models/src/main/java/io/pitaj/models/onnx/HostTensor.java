package io.pitaj.models.onnx;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A dense tensor in Java heap memory: element type, concrete shape and a primitive array in row-major order.
 * It is the currency between the project and ONNX: initializer and attribute values, session inputs and outputs.
 *
 * <p>The data array is shared, not copied, in both directions (factories and accessors), because these tensors
 * carry whole batches and copying them on every hand-over would cost more than the graph evaluation. Callers that
 * keep mutating an array after handing it over must copy it themselves.
 */
public final class HostTensor {
    private final ElementType dtype;
    private final long[] shape;
    private final Object data;

    private HostTensor(ElementType dtype, long[] shape, Object data, int length) {
        this.dtype = dtype;
        this.shape = shape.clone();
        this.data = data;
        long expected = elementCount(this.shape);
        if (expected != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + expected
                    + " elements but the " + dtype.name().toLowerCase() + " data has " + length);
        }
    }

    public static HostTensor ofFloats(float[] data, long... shape) {
        return new HostTensor(ElementType.FLOAT32, shape, Objects.requireNonNull(data), data.length);
    }

    public static HostTensor ofDoubles(double[] data, long... shape) {
        return new HostTensor(ElementType.FLOAT64, shape, Objects.requireNonNull(data), data.length);
    }

    public static HostTensor ofLongs(long[] data, long... shape) {
        return new HostTensor(ElementType.INT64, shape, Objects.requireNonNull(data), data.length);
    }

    public static HostTensor ofBooleans(boolean[] data, long... shape) {
        return new HostTensor(ElementType.BOOL, shape, Objects.requireNonNull(data), data.length);
    }

    /** Number of elements of a concrete shape; 1 for a scalar. */
    public static long elementCount(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("concrete shape has a negative dimension: " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    public ElementType dtype() { return dtype; }

    public long[] shape() { return shape.clone(); }

    public int rank() { return shape.length; }

    public long dim(int axis) { return shape[axis]; }

    public int elementCount() { return (int) elementCount(shape); }

    public float[] floats() { return (float[]) dataAs(ElementType.FLOAT32); }

    public double[] doubles() { return (double[]) dataAs(ElementType.FLOAT64); }

    public long[] longs() { return (long[]) dataAs(ElementType.INT64); }

    public boolean[] booleans() { return (boolean[]) dataAs(ElementType.BOOL); }

    private Object dataAs(ElementType wanted) {
        if (dtype != wanted) {
            throw new IllegalStateException("tensor holds " + dtype.name().toLowerCase()
                    + " data, not " + wanted.name().toLowerCase());
        }
        return data;
    }

    /**
     * Writes the elements at the buffer's position in the buffer's byte order and advances the position.
     * ONNX raw data needs little-endian; ORT buffers need native order — the caller chooses by ordering the buffer.
     */
    public void writeTo(ByteBuffer out) {
        switch (dtype) {
            case FLOAT32 -> {
                float[] a = (float[]) data;
                out.asFloatBuffer().put(a);
                out.position(out.position() + a.length * 4);
            }
            case FLOAT64 -> {
                double[] a = (double[]) data;
                out.asDoubleBuffer().put(a);
                out.position(out.position() + a.length * 8);
            }
            case INT64 -> {
                long[] a = (long[]) data;
                out.asLongBuffer().put(a);
                out.position(out.position() + a.length * 8);
            }
            case BOOL -> {
                for (boolean b : (boolean[]) data) {
                    out.put((byte) (b ? 1 : 0));
                }
            }
        }
    }

    /** Reads {@code elementCount(shape)} elements of the given type from the buffer's position, in its byte order. */
    public static HostTensor readFrom(ByteBuffer in, ElementType dtype, long[] shape) {
        int n = (int) elementCount(shape);
        ByteBuffer view = in.slice().order(in.order());
        HostTensor t = switch (dtype) {
            case FLOAT32 -> {
                float[] a = new float[n];
                view.asFloatBuffer().get(a);
                yield ofFloats(a, shape);
            }
            case FLOAT64 -> {
                double[] a = new double[n];
                view.asDoubleBuffer().get(a);
                yield ofDoubles(a, shape);
            }
            case INT64 -> {
                long[] a = new long[n];
                view.asLongBuffer().get(a);
                yield ofLongs(a, shape);
            }
            case BOOL -> {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) {
                    a[i] = view.get(i) != 0;
                }
                yield ofBooleans(a, shape);
            }
        };
        in.position(in.position() + n * dtype.byteSize());
        return t;
    }

    /** Byte size of the elements, as stored in ONNX raw data or an ORT buffer. */
    public long byteSize() { return (long) elementCount() * dtype.byteSize(); }

    /** Element-wise equality of type, shape and values (bitwise for floating point, so NaN equals NaN). */
    public boolean sameContent(HostTensor other) {
        if (dtype != other.dtype || !Arrays.equals(shape, other.shape)) {
            return false;
        }
        return switch (dtype) {
            case FLOAT32 -> Arrays.equals((float[]) data, (float[]) other.data);
            case FLOAT64 -> Arrays.equals((double[]) data, (double[]) other.data);
            case INT64 -> Arrays.equals((long[]) data, (long[]) other.data);
            case BOOL -> Arrays.equals((boolean[]) data, (boolean[]) other.data);
        };
    }

    @Override
    public String toString() {
        return "HostTensor(" + dtype.name().toLowerCase() + Arrays.toString(shape) + ")";
    }
}
