package io.pitaj.models.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnnxTensorProtoCodecTest {

    @Test
    void rawDataIsLittleEndian() {
        TensorProto p = TensorProtoCodec.encode("one", HostTensor.ofFloats(new float[] {1f}, 1));
        // 1.0f = 0x3F800000, little-endian bytes 00 00 80 3F
        assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3F}, p.getRawData().toByteArray());
        TensorProto l = TensorProtoCodec.encode("l", HostTensor.ofLongs(new long[] {258}, 1));
        assertArrayEquals(new byte[] {2, 1, 0, 0, 0, 0, 0, 0}, l.getRawData().toByteArray());
    }

    @Test
    void everyTypeRoundTrips() {
        HostTensor[] tensors = {
            HostTensor.ofFloats(new float[] {1.5f, -2f, Float.NaN, 3e-30f, 0, 1, 2, 3}, 2, 4),
            HostTensor.ofDoubles(new double[] {Math.PI, -Math.E, 1e-300}, 3),
            HostTensor.ofLongs(new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}, 2, 2),
            HostTensor.ofBooleans(new boolean[] {true, false, true}, 3, 1),
            HostTensor.ofDoubles(new double[] {42.0}),
        };
        for (HostTensor t : tensors) {
            HostTensor back = TensorProtoCodec.decode(TensorProtoCodec.encode("t", t));
            assertTrue(t.sameContent(back), t.toString());
        }
    }

    @Test
    void typedFieldsAreReadToo() {
        TensorProto p = TensorProto.newBuilder().setDataType(TensorProto.DataType.DOUBLE.getNumber())
                .addDims(2).addDoubleData(1.25).addDoubleData(-3).build();
        assertArrayEquals(new double[] {1.25, -3}, TensorProtoCodec.decode(p).doubles());
    }

    @Test
    void wrongElementCountAndUnsupportedTypesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> HostTensor.ofFloats(new float[5], 2, 3));
        TensorProto i32 = TensorProto.newBuilder().setDataType(TensorProto.DataType.INT32.getNumber()).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TensorProtoCodec.decode(i32));
        assertTrue(e.getMessage().contains("INT32"), e.getMessage());
        assertEquals(ElementType.INT64, ElementType.fromOnnx(7));
    }
}
