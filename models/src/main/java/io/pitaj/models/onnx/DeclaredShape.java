package io.pitaj.models.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A declared tensor shape: an ordered list of dimensions, possibly symbolic. Rank 0 is a scalar. */
public record DeclaredShape(List<Dim> dims) {
    public DeclaredShape {
        dims = List.copyOf(dims);
    }

    public static DeclaredShape of(Dim... dims) { return new DeclaredShape(List.of(dims)); }

    public static DeclaredShape scalar() { return new DeclaredShape(List.of()); }

    /** A shape with only fixed dimensions. */
    public static DeclaredShape fixed(long... sizes) {
        List<Dim> dims = new ArrayList<>(sizes.length);
        for (long s : sizes) {
            dims.add(Dim.of(s));
        }
        return new DeclaredShape(dims);
    }

    /** {@code [batch, rest...]}: the usual shape of a per-sample graph input or output. */
    public static DeclaredShape batched(long... rest) {
        List<Dim> dims = new ArrayList<>(rest.length + 1);
        dims.add(Dim.BATCH);
        for (long s : rest) {
            dims.add(Dim.of(s));
        }
        return new DeclaredShape(dims);
    }

    public int rank() { return dims.size(); }

    public Dim dim(int axis) { return dims.get(axis); }

    @Override
    public String toString() {
        return dims.stream().map(Dim::toString).collect(Collectors.joining(",", "[", "]"));
    }
}
