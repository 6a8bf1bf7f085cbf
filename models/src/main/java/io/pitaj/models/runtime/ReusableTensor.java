package io.pitaj.models.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import io.pitaj.models.onnx.ElementType;
import io.pitaj.models.onnx.HostTensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An ORT tensor over a direct buffer that this object keeps across runs.
 *
 * <p>ORT Java wraps a direct, native-order buffer without copying (the OrtValue points into the buffer's memory),
 * so writing new values into the buffer changes what the next run reads, and a pinned output buffer receives what
 * the run writes. The OrtValue itself has a fixed shape: it is rebuilt (cheaply, no data copy) when the shape
 * changes, and the buffer is reallocated only when a larger one is needed.
 */
final class ReusableTensor implements AutoCloseable {
    private final OrtEnvironment env;
    private final ElementType dtype;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(0).order(ByteOrder.nativeOrder());
    private OnnxTensor tensor;
    private long[] shape;

    ReusableTensor(OrtEnvironment env, ElementType dtype) {
        this.env = env;
        this.dtype = dtype;
    }

    /** The ORT tensor of this shape over the kept buffer, creating it only if the shape differs from last time. */
    OnnxTensor tensorOfShape(long[] wanted) throws OrtException {
        if (tensor != null && Arrays.equals(shape, wanted)) {
            return tensor;
        }
        closeTensor();
        int bytes = Math.toIntExact(HostTensor.elementCount(wanted) * dtype.byteSize());
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        }
        ByteBuffer view = buffer.duplicate().order(ByteOrder.nativeOrder());
        view.clear().limit(bytes);
        tensor = OnnxTensor.createTensor(env, view, wanted, OrtTypes.javaType(dtype));
        shape = wanted.clone();
        return tensor;
    }

    /** Copies host values into the kept buffer; {@link #tensorOfShape} must have been called with their shape. */
    void write(HostTensor values) {
        ByteBuffer view = buffer.duplicate().order(ByteOrder.nativeOrder());
        view.clear();
        values.writeTo(view);
    }

    /** Copies the kept buffer's current contents (the last run's output for a pinned output) to the heap. */
    HostTensor read() {
        ByteBuffer view = buffer.duplicate().order(ByteOrder.nativeOrder());
        view.clear();
        return HostTensor.readFrom(view, dtype, shape);
    }

    private void closeTensor() {
        if (tensor != null) {
            tensor.close();
            tensor = null;
            shape = null;
        }
    }

    @Override
    public void close() {
        closeTensor();
    }
}
