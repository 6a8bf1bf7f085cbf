package io.pitaj.models.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import com.google.protobuf.ByteString;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A node attribute: one of the ONNX attribute kinds the exporter needs (int, ints, float, floats, string, tensor). */
public final class Attribute {
    private final AttributeProto proto;

    private Attribute(AttributeProto proto) {
        this.proto = proto;
    }

    private static AttributeProto.Builder named(String name, AttributeType type) {
        Objects.requireNonNull(name, "attribute name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("attribute name must not be empty");
        }
        return AttributeProto.newBuilder().setName(name).setType(type);
    }

    public static Attribute ofInt(String name, long value) {
        return new Attribute(named(name, AttributeType.INT).setI(value).build());
    }

    public static Attribute ofInts(String name, long... values) {
        AttributeProto.Builder b = named(name, AttributeType.INTS);
        for (long v : values) {
            b.addInts(v);
        }
        return new Attribute(b.build());
    }

    /** ONNX float attributes are float32 whatever the element type of the node. */
    public static Attribute ofFloat(String name, float value) {
        return new Attribute(named(name, AttributeType.FLOAT).setF(value).build());
    }

    public static Attribute ofFloats(String name, float... values) {
        AttributeProto.Builder b = named(name, AttributeType.FLOATS);
        for (float v : values) {
            b.addFloats(v);
        }
        return new Attribute(b.build());
    }

    public static Attribute ofString(String name, String value) {
        return new Attribute(named(name, AttributeType.STRING)
                .setS(ByteString.copyFrom(value, StandardCharsets.UTF_8)).build());
    }

    /** A tensor attribute, e.g. the {@code value} of a Constant node. */
    public static Attribute ofTensor(String name, HostTensor value) {
        return new Attribute(named(name, AttributeType.TENSOR).setT(TensorProtoCodec.encode("", value)).build());
    }

    public String name() { return proto.getName(); }

    public AttributeProto proto() { return proto; }
}
