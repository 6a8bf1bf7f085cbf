package io.pitaj.models.runtime;

import io.pitaj.models.onnx.Attribute;
import io.pitaj.models.onnx.ElementType;
import io.pitaj.models.onnx.Dim;
import io.pitaj.models.onnx.HostTensor;
import io.pitaj.models.onnx.OnnxModelBuilder;
import io.pitaj.models.onnx.DeclaredShape;
import io.pitaj.models.onnx.WeightPlacement;

import java.util.List;
import java.util.Random;

/** Small hand-built graphs and their Java reference results. */
final class OrtTestModels {
    static final float[] W = {0.5f, -1.25f, 2f, 0.75f, -0.5f, 1.5f}; // [3,2]
    static final float[] B = {0.1f, -0.2f};

    private OrtTestModels() {
    }

    /** y = x·W + b, x:[batch,3] float32, W and b initializers. */
    static byte[] affineFloat32() {
        OnnxModelBuilder b = new OnnxModelBuilder("affine32");
        String x = b.input("x", ElementType.FLOAT32, DeclaredShape.batched(3));
        String w = b.initializer("w", HostTensor.ofFloats(W, 3, 2));
        String bias = b.initializer("b", HostTensor.ofFloats(B, 2));
        b.node("Add", List.of(b.op("MatMul", List.of(x, w)), bias), List.of("y"), List.of());
        b.output("y", ElementType.FLOAT32, DeclaredShape.batched(2));
        return b.toBytes();
    }

    static double[] affineReference(float[] x, int batch) {
        double[] y = new double[batch * 2];
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < 2; j++) {
                double s = B[j];
                for (int k = 0; k < 3; k++) {
                    s += (double) x[i * 3 + k] * W[k * 2 + j];
                }
                y[i * 2 + j] = s;
            }
        }
        return y;
    }

    /** y = x·W + b in float64 with W:[3,2] and b:[2] fed as graph inputs, as in a training-step graph. */
    static byte[] affineFloat64WeightsAsInputs() {
        OnnxModelBuilder b = new OnnxModelBuilder("affine64_params");
        String x = b.input("x", ElementType.FLOAT64, DeclaredShape.batched(3));
        String w = b.weight("w", HostTensor.ofDoubles(new double[6], 3, 2), WeightPlacement.GRAPH_INPUT);
        String bias = b.weight("b", HostTensor.ofDoubles(new double[2], 2), WeightPlacement.GRAPH_INPUT);
        b.node("Add", List.of(b.op("MatMul", List.of(x, w)), bias), List.of("y"), List.of());
        b.output("y", ElementType.FLOAT64, DeclaredShape.batched(2));
        return b.toBytes();
    }

    /** y = tanh(x)·exp(x) + log(x² + 1), float64, element-wise on [batch,4]. */
    static byte[] transcendentalFloat64() {
        OnnxModelBuilder b = new OnnxModelBuilder("transcendental64");
        String x = b.input("x", ElementType.FLOAT64, DeclaredShape.batched(4));
        String one = b.initializer("one", HostTensor.ofDoubles(new double[] {1.0}));
        String te = b.op("Mul", List.of(b.op("Tanh", List.of(x)), b.op("Exp", List.of(x))));
        String lg = b.op("Log", List.of(b.op("Add", List.of(b.op("Mul", List.of(x, x)), one))));
        b.node("Add", List.of(te, lg), List.of("y"), List.of());
        b.output("y", ElementType.FLOAT64, DeclaredShape.batched(4));
        return b.toBytes();
    }

    static double transcendentalReference(double x) {
        return Math.tanh(x) * Math.exp(x) + Math.log(x * x + 1);
    }

    static final double[] TABLE = {10, 11, 20, 21, 30, 31, 40, 41, 50, 51}; // [5,2]

    /** rows = Gather(table, idx, axis 0) : [batch,2] float64; next = idx + 1 : [batch] int64. */
    static byte[] gatherInt64() {
        OnnxModelBuilder b = new OnnxModelBuilder("gather");
        String idx = b.input("idx", ElementType.INT64, DeclaredShape.batched());
        String table = b.initializer("table", HostTensor.ofDoubles(TABLE, 5, 2));
        String one = b.initializer("one", HostTensor.ofLongs(new long[] {1}));
        b.node("Gather", List.of(table, idx), List.of("rows"), List.of(Attribute.ofInt("axis", 0)));
        b.node("Add", List.of(idx, one), List.of("next"), List.of());
        b.output("rows", ElementType.FLOAT64, DeclaredShape.batched(2));
        b.output("next", ElementType.INT64, DeclaredShape.batched());
        return b.toBytes();
    }

    /** out = data with updates added at (i, idx[i,j]) along axis 1, duplicates accumulating; [batch,4] float64. */
    static byte[] scatterAddFloat64() {
        OnnxModelBuilder b = new OnnxModelBuilder("scatter_add");
        String data = b.input("data", ElementType.FLOAT64, DeclaredShape.batched(4));
        String idx = b.input("idx", ElementType.INT64, DeclaredShape.batched(3));
        String upd = b.input("upd", ElementType.FLOAT64, DeclaredShape.batched(3));
        b.node("ScatterElements", List.of(data, idx, upd), List.of("out"),
                List.of(Attribute.ofInt("axis", 1), Attribute.ofString("reduction", "add")));
        b.output("out", ElementType.FLOAT64, DeclaredShape.batched(4));
        return b.toBytes();
    }

    /**
     * sum = ReduceSum(x, axes=[1]) with the opset-18 axes input : [batch] float32; positive = x > 0 : [batch,4] bool;
     * where = NonZero(positive) : [2, n] int64, whose size depends on the data, so ORT allocates it (not pinned).
     */
    static byte[] reduceSumMaskAndNonZero() {
        OnnxModelBuilder b = new OnnxModelBuilder("reduce");
        String x = b.input("x", ElementType.FLOAT32, DeclaredShape.batched(4));
        String axes = b.initializer("axes", HostTensor.ofLongs(new long[] {1}, 1));
        String zero = b.initializer("zero", HostTensor.ofFloats(new float[] {0f}));
        b.node("ReduceSum", List.of(x, axes), List.of("sum"), List.of(Attribute.ofInt("keepdims", 0)));
        b.node("Greater", List.of(x, zero), List.of("positive"), List.of());
        b.node("NonZero", List.of("positive"), List.of("where"), List.of());
        b.output("sum", ElementType.FLOAT32, DeclaredShape.batched());
        b.output("positive", ElementType.BOOL, DeclaredShape.batched(4));
        b.output("where", ElementType.INT64, DeclaredShape.of(Dim.of(2), Dim.named("nonzero")));
        return b.toBytes();
    }

    static float[] randomFloats(Random rng, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rng.nextGaussian();
        }
        return a;
    }

    static double[] randomDoubles(Random rng, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextGaussian();
        }
        return a;
    }
}
