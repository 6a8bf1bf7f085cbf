package io.pitaj.models.graph;

/** Element types of graph values. Networks run in F32, energies and tests in F64; I64 indexes, BOOL masks. */
public enum DType {
    F32, F64, I64, BOOL;

    /** The ONNX element type of this type. */
    public io.pitaj.models.onnx.DType onnx() {
        return switch (this) {
            case F32 -> io.pitaj.models.onnx.DType.FLOAT32;
            case F64 -> io.pitaj.models.onnx.DType.FLOAT64;
            case I64 -> io.pitaj.models.onnx.DType.INT64;
            case BOOL -> io.pitaj.models.onnx.DType.BOOL;
        };
    }

    public boolean isFloat() { return this == F32 || this == F64; }
}
