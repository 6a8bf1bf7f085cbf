package io.pitaj.models.runtime;

import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.ElementType;
import io.pitaj.models.onnx.HostTensor;

/**
 * Converts between the graph engine's double-precision {@link Tensor} and the typed {@link HostTensor} an ONNX
 * session consumes: float32 values are rounded on the way in and widened on the way out.
 */
public final class GraphTensors {
    private GraphTensors() {}

    public static HostTensor toHost(Tensor t, ElementType dtype) {
        double[] v = t.data();
        long[] shape = java.util.Arrays.stream(t.shape()).asLongStream().toArray();
        switch (dtype) {
            case FLOAT64:
                return HostTensor.ofDoubles(v, shape);
            case FLOAT32: {
                float[] f = new float[v.length];
                for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
                return HostTensor.ofFloats(f, shape);
            }
            case INT64: {
                long[] l = new long[v.length];
                for (int i = 0; i < v.length; i++) l[i] = (long) v[i];
                return HostTensor.ofLongs(l, shape);
            }
            default: {
                boolean[] b = new boolean[v.length];
                for (int i = 0; i < v.length; i++) b[i] = v[i] != 0;
                return HostTensor.ofBooleans(b, shape);
            }
        }
    }

    public static Tensor fromHost(HostTensor h) {
        int[] shape = java.util.Arrays.stream(h.shape()).mapToInt(Math::toIntExact).toArray();
        double[] v = new double[h.elementCount()];
        switch (h.dtype()) {
            case FLOAT64:
                System.arraycopy(h.doubles(), 0, v, 0, v.length);
                break;
            case FLOAT32: {
                float[] f = h.floats();
                for (int i = 0; i < v.length; i++) v[i] = f[i];
                break;
            }
            case INT64: {
                long[] l = h.longs();
                for (int i = 0; i < v.length; i++) v[i] = l[i];
                break;
            }
            default: {
                boolean[] b = h.booleans();
                for (int i = 0; i < v.length; i++) v[i] = b[i] ? 1 : 0;
            }
        }
        return new Tensor(shape, v);
    }
}
