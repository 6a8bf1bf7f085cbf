package io.pitaj.models.onnx;

import java.util.Objects;

/** A named, typed tensor value of a graph: a graph input or output, or a session's declared input/output. */
public record ValueSpec(String name, ElementType dtype, DeclaredShape shape) {
    public ValueSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shape, "shape");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("value name must not be empty");
        }
    }

    @Override
    public String toString() { return name + ":" + dtype.name().toLowerCase() + shape; }
}
