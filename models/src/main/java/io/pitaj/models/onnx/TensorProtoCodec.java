package io.pitaj.models.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Converts between {@link HostTensor} and ONNX {@code TensorProto}. Writes raw little-endian data (the compact
 * form ONNX requires to be little-endian regardless of host); reads raw data and the typed repeated fields that
 * other producers use.
 */
public final class TensorProtoCodec {
    private TensorProtoCodec() {
    }

    public static TensorProto encode(String name, HostTensor tensor) {
        ByteBuffer raw = ByteBuffer.allocate(Math.toIntExact(tensor.byteSize())).order(ByteOrder.LITTLE_ENDIAN);
        tensor.writeTo(raw);
        raw.flip();
        TensorProto.Builder b = TensorProto.newBuilder()
                .setName(name)
                .setDataType(tensor.dtype().onnxType().getNumber())
                .setRawData(ByteString.copyFrom(raw));
        for (long d : tensor.shape()) {
            b.addDims(d);
        }
        return b.build();
    }

    public static HostTensor decode(TensorProto proto) {
        ElementType dtype = ElementType.fromOnnx(proto.getDataType());
        long[] shape = proto.getDimsList().stream().mapToLong(Long::longValue).toArray();
        int n = (int) HostTensor.elementCount(shape);
        if (proto.hasRawData()) {
            ByteBuffer raw = proto.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            if (raw.remaining() != (long) n * dtype.byteSize()) {
                throw new IllegalArgumentException("tensor '" + proto.getName() + "' has " + raw.remaining()
                        + " raw bytes, shape needs " + (long) n * dtype.byteSize());
            }
            return HostTensor.readFrom(raw, dtype, shape);
        }
        return switch (dtype) {
            case FLOAT32 -> {
                float[] a = new float[proto.getFloatDataCount()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = proto.getFloatData(i);
                }
                yield HostTensor.ofFloats(a, shape);
            }
            case FLOAT64 -> HostTensor.ofDoubles(
                    proto.getDoubleDataList().stream().mapToDouble(Double::doubleValue).toArray(), shape);
            case INT64 -> HostTensor.ofLongs(
                    proto.getInt64DataList().stream().mapToLong(Long::longValue).toArray(), shape);
            case BOOL -> {
                // ONNX stores bool elements in int32_data when raw data is not used
                boolean[] a = new boolean[proto.getInt32DataCount()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = proto.getInt32Data(i) != 0;
                }
                yield HostTensor.ofBooleans(a, shape);
            }
        };
    }
}
