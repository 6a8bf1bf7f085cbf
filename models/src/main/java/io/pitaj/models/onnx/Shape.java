package io.pitaj.models.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A declared tensor shape: an ordered list of dimensions, possibly symbolic. Rank 0 is a scalar. */
public record Shape(List<Dim> dims) {
    public Shape {
        dims = List.copyOf(dims);
    }

    public static Shape of(Dim... dims) { return new Shape(List.of(dims)); }

    public static Shape scalar() { return new Shape(List.of()); }

    /** A shape with only fixed dimensions. */
    public static Shape fixed(long... sizes) {
        List<Dim> dims = new ArrayList<>(sizes.length);
        for (long s : sizes) {
            dims.add(Dim.of(s));
        }
        return new Shape(dims);
    }

    /** {@code [batch, rest...]}: the usual shape of a per-sample graph input or output. */
    public static Shape batched(long... rest) {
        List<Dim> dims = new ArrayList<>(rest.length + 1);
        dims.add(Dim.BATCH);
        for (long s : rest) {
            dims.add(Dim.of(s));
        }
        return new Shape(dims);
    }

    public int rank() { return dims.size(); }

    public Dim dim(int axis) { return dims.get(axis); }

    @Override
    public String toString() {
        return dims.stream().map(Dim::toString).collect(Collectors.joining(",", "[", "]"));
    }
}
