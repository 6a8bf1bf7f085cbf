package io.pitaj.models.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.pitaj.models.graph.Tensor;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a serialised model in stock ONNX Runtime (CPU) through the plain Java API: each session input is fed from
 * the {@link Tensor} of the same name, converted to the element type the model declares; outputs come back as
 * tensors of doubles in the model's output order.
 */
final class OrtRunner {
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    private OrtRunner() {}

    static List<Tensor> run(byte[] model, Map<String, Tensor> feeds) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = ENV.createSession(model, options)) {
            Map<String, OnnxTensor> in = new LinkedHashMap<>();
            try {
                for (var e : session.getInputInfo().entrySet()) {
                    Tensor t = feeds.get(e.getKey());
                    if (t == null) throw new IllegalArgumentException("no feed for model input '" + e.getKey() + "'");
                    in.put(e.getKey(), toOrt(t, ((TensorInfo) e.getValue().getInfo()).type));
                }
                try (OrtSession.Result result = session.run(in)) {
                    List<Tensor> out = new ArrayList<>();
                    for (Map.Entry<String, OnnxValue> e : result) out.add(fromOrt((OnnxTensor) e.getValue()));
                    return out;
                }
            } finally {
                in.values().forEach(OnnxTensor::close);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    private static OnnxTensor toOrt(Tensor t, OnnxJavaType type) throws OrtException {
        long[] shape = Arrays.stream(t.shape()).asLongStream().toArray();
        double[] d = t.data();
        switch (type) {
            case FLOAT: {
                float[] f = new float[d.length];
                for (int i = 0; i < f.length; i++) f[i] = (float) d[i];
                return OnnxTensor.createTensor(ENV, FloatBuffer.wrap(f), shape);
            }
            case DOUBLE:
                return OnnxTensor.createTensor(ENV, DoubleBuffer.wrap(d.clone()), shape);
            case INT64:
                return OnnxTensor.createTensor(ENV, LongBuffer.wrap(Arrays.stream(d).mapToLong(v -> (long) v).toArray()), shape);
            case BOOL: {
                byte[] b = new byte[d.length];
                for (int i = 0; i < b.length; i++) b[i] = (byte) (d[i] != 0 ? 1 : 0);
                return OnnxTensor.createTensor(ENV, ByteBuffer.wrap(b), shape, OnnxJavaType.BOOL);
            }
            default:
                throw new IllegalArgumentException("unsupported input type " + type);
        }
    }

    private static Tensor fromOrt(OnnxTensor t) {
        TensorInfo info = t.getInfo();
        int[] shape = Arrays.stream(info.getShape()).mapToInt(Math::toIntExact).toArray();
        double[] d = new double[Math.toIntExact(info.getNumElements())];
        switch (info.type) {
            case FLOAT: {
                FloatBuffer f = t.getFloatBuffer();
                for (int i = 0; i < d.length; i++) d[i] = f.get(i);
                break;
            }
            case DOUBLE:
                t.getDoubleBuffer().get(d);
                break;
            case INT64: {
                LongBuffer l = t.getLongBuffer();
                for (int i = 0; i < d.length; i++) d[i] = l.get(i);
                break;
            }
            case BOOL: {
                ByteBuffer b = t.getByteBuffer();
                for (int i = 0; i < d.length; i++) d[i] = b.get(i) != 0 ? 1 : 0;
                break;
            }
            default:
                throw new IllegalArgumentException("unsupported output type " + info.type);
        }
        return new Tensor(shape, d);
    }
}
