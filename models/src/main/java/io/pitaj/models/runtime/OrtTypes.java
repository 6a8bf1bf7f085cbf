package io.pitaj.models.runtime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.TensorInfo;
import io.pitaj.models.onnx.ElementType;
import io.pitaj.models.onnx.Dim;
import io.pitaj.models.onnx.HostTensor;
import io.pitaj.models.onnx.DeclaredShape;
import io.pitaj.models.onnx.ValueSpec;

import java.util.ArrayList;
import java.util.List;

/** Translation between ONNX Runtime's Java types and the project's {@link ElementType}, {@link ValueSpec} and {@link HostTensor}. */
final class OrtTypes {
    private OrtTypes() {
    }

    static OnnxJavaType javaType(ElementType dtype) {
        return switch (dtype) {
            case FLOAT32 -> OnnxJavaType.FLOAT;
            case FLOAT64 -> OnnxJavaType.DOUBLE;
            case INT64 -> OnnxJavaType.INT64;
            case BOOL -> OnnxJavaType.BOOL;
        };
    }

    static ElementType dtype(OnnxJavaType type, String valueName) {
        return switch (type) {
            case FLOAT -> ElementType.FLOAT32;
            case DOUBLE -> ElementType.FLOAT64;
            case INT64 -> ElementType.INT64;
            case BOOL -> ElementType.BOOL;
            default -> throw new IllegalArgumentException("value '" + valueName + "' has element type " + type
                    + "; the runtime supports float32, float64, int64 and bool");
        };
    }

    /** The declared type and shape of a session input or output; symbolic dimensions keep their names. */
    static ValueSpec valueSpec(NodeInfo node) {
        if (!(node.getInfo() instanceof TensorInfo info)) {
            throw new IllegalArgumentException("value '" + node.getName() + "' is a " + node.getInfo()
                    + "; the runtime supports tensors only");
        }
        long[] sizes = info.getShape();
        String[] names = info.getDimensionNames();
        List<Dim> dims = new ArrayList<>(sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] >= 0) {
                dims.add(Dim.of(sizes[i]));
            } else if (names[i] != null && !names[i].isEmpty()) {
                dims.add(Dim.named(names[i]));
            } else {
                dims.add(Dim.unknown());
            }
        }
        return new ValueSpec(node.getName(), dtype(info.type, node.getName()), new DeclaredShape(dims));
    }

    /** Copies an ORT-allocated output tensor into a heap tensor (one copy: ORT's typed getters return heap arrays). */
    static HostTensor copyToHost(String name, OnnxTensor tensor) {
        TensorInfo info = tensor.getInfo();
        long[] shape = info.getShape();
        return switch (dtype(info.type, name)) {
            case FLOAT32 -> HostTensor.ofFloats(tensor.getFloatBuffer().array(), shape);
            case FLOAT64 -> HostTensor.ofDoubles(tensor.getDoubleBuffer().array(), shape);
            case INT64 -> HostTensor.ofLongs(tensor.getLongBuffer().array(), shape);
            case BOOL -> HostTensor.readFrom(tensor.getByteBuffer(), ElementType.BOOL, shape);
        };
    }
}
