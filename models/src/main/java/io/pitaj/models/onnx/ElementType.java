package io.pitaj.models.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;

/**
 * The tensor element types the project puts into ONNX graphs. Kept deliberately small: networks run in float32,
 * energies and reference computations in float64, indices (Gather, ScatterElements, shapes) in int64, masks in bool.
 */
public enum ElementType {
    FLOAT32(TensorProto.DataType.FLOAT, 4),
    FLOAT64(TensorProto.DataType.DOUBLE, 8),
    INT64(TensorProto.DataType.INT64, 8),
    BOOL(TensorProto.DataType.BOOL, 1);

    private final TensorProto.DataType onnxType;
    private final int byteSize;

    ElementType(TensorProto.DataType onnxType, int byteSize) {
        this.onnxType = onnxType;
        this.byteSize = byteSize;
    }

    public TensorProto.DataType onnxType() { return onnxType; }

    /** Bytes per element in ONNX raw data and in ORT buffers. */
    public int byteSize() { return byteSize; }

    /** The ElementType for an ONNX element type code; rejects every type the project does not use. */
    public static ElementType fromOnnx(int onnxTypeCode) {
        for (ElementType t : values()) {
            if (t.onnxType.getNumber() == onnxTypeCode) {
                return t;
            }
        }
        TensorProto.DataType known = TensorProto.DataType.forNumber(onnxTypeCode);
        throw new IllegalArgumentException("unsupported ONNX element type " + (known == null ? onnxTypeCode : known)
                + "; supported: float32, float64, int64, bool");
    }
}
