package io.pitaj.models.graph;

/** Element types of graph values. Networks run in F32, energies and tests in F64; I64 indexes, BOOL masks. */
public enum DType {
    F32, F64, I64, BOOL;

    /** The ONNX element type of this type. */
    public io.pitaj.models.onnx.ElementType onnx() {
        return switch (this) {
            case F32 -> io.pitaj.models.onnx.ElementType.FLOAT32;
            case F64 -> io.pitaj.models.onnx.ElementType.FLOAT64;
            case I64 -> io.pitaj.models.onnx.ElementType.INT64;
            case BOOL -> io.pitaj.models.onnx.ElementType.BOOL;
        };
    }

    public boolean isFloat() { return this == F32 || this == F64; }
}
