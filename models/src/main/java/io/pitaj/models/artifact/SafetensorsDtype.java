package io.pitaj.models.artifact;

import io.pitaj.models.onnx.ElementType;

/** The safetensors dtype names of the element types the project uses; the constant names are the on-disk names. */
enum SafetensorsDtype {
    F32(ElementType.FLOAT32),
    F64(ElementType.FLOAT64),
    I64(ElementType.INT64),
    BOOL(ElementType.BOOL);

    final ElementType elementType;

    SafetensorsDtype(ElementType elementType) {
        this.elementType = elementType;
    }

    static SafetensorsDtype of(ElementType type) {
        return switch (type) {
            case FLOAT32 -> F32;
            case FLOAT64 -> F64;
            case INT64 -> I64;
            case BOOL -> BOOL;
        };
    }

    /** The dtype of an on-disk name, or null for a name the project does not use (F16, BF16, I32, ...). */
    static SafetensorsDtype named(String name) {
        for (SafetensorsDtype d : values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }
}
