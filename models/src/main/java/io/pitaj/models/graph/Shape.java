package io.pitaj.models.graph;

import io.pitaj.models.onnx.Dim;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A static tensor shape in which at most one dimension may be the symbolic batch dimension {@link #BATCH},
 * bound only when a graph runs. Rank 0 is a scalar.
 */
public final class Shape {
    /** Marker of the symbolic batch dimension. */
    public static final int BATCH = -1;
    public static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;

    private Shape(int[] dims) {
        int batches = 0;
        for (int d : dims) {
            if (d == BATCH) batches++;
            else if (d < 0) throw new IllegalArgumentException("negative dimension in " + Arrays.toString(dims));
        }
        if (batches > 1) throw new IllegalArgumentException("at most one batch dimension: " + Arrays.toString(dims));
        this.dims = dims;
    }

    public static Shape of(int... dims) { return dims.length == 0 ? SCALAR : new Shape(dims.clone()); }

    public int rank() { return dims.length; }

    public int dim(int axis) { return dims[axis]; }

    public int[] dims() { return dims.clone(); }

    public boolean hasBatch() { return batchAxis() >= 0; }

    /** Axis of the batch dimension, or −1. */
    public int batchAxis() {
        for (int i = 0; i < dims.length; i++) if (dims[i] == BATCH) return i;
        return -1;
    }

    /** Number of elements, counting the batch dimension as {@code batch}. */
    public long size(int batch) {
        long n = 1;
        for (int d : dims) n *= d == BATCH ? batch : d;
        return n;
    }

    /** Number of elements of the static dimensions only. */
    public long staticSize() { return size(1); }

    /** The concrete dimensions for a given batch size. */
    public int[] bind(int batch) {
        int[] out = dims.clone();
        for (int i = 0; i < out.length; i++) if (out[i] == BATCH) out[i] = batch;
        return out;
    }

    /** The ONNX declared shape: static sizes, and the symbolic "batch" dimension where this shape has the batch. */
    public io.pitaj.models.onnx.DeclaredShape onnx() {
        List<Dim> out = new ArrayList<>(dims.length);
        for (int d : dims) out.add(d == BATCH ? Dim.BATCH : Dim.of(d));
        return new io.pitaj.models.onnx.DeclaredShape(out);
    }

    /** Normalises a possibly negative axis. */
    public int axis(int axis) {
        int a = axis < 0 ? axis + dims.length : axis;
        if (a < 0 || a >= dims.length) throw new IllegalArgumentException("axis " + axis + " out of range for " + this);
        return a;
    }

    /** Numpy/ONNX multidirectional broadcasting; the batch dimension broadcasts only against 1 or itself. */
    public static Shape broadcast(Shape a, Shape b) {
        int r = Math.max(a.rank(), b.rank());
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.rank() ? 1 : a.dims[i - (r - a.rank())];
            int db = i < r - b.rank() ? 1 : b.dims[i - (r - b.rank())];
            if (da == db || db == 1) out[i] = da;
            else if (da == 1) out[i] = db;
            else throw new IllegalArgumentException("shapes " + a + " and " + b + " do not broadcast");
        }
        return new Shape(out);
    }

    @Override
    public boolean equals(Object o) { return o instanceof Shape s && Arrays.equals(dims, s.dims); }

    @Override
    public int hashCode() { return Arrays.hashCode(dims); }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(dims[i] == BATCH ? "N" : Integer.toString(dims[i]));
        }
        return sb.append(']').toString();
    }
}
