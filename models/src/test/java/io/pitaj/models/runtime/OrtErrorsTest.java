package io.pitaj.models.runtime;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import io.pitaj.models.onnx.ElementType;
import io.pitaj.models.onnx.HostTensor;
import io.pitaj.models.onnx.OnnxModelBuilder;
import io.pitaj.models.onnx.DeclaredShape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broken models and wrong feeds fail with messages that name the problem. */
class OrtErrorsTest {
    private static final OrtRuntime ORT = OrtRuntime.withWarningSink(m -> { });
    private static final SessionSettings CPU = SessionSettings.cpu(1);
    private static final InferenceSession AFFINE = ORT.open(OrtTestModels.affineFloat32(), CPU);
    private static final InferenceSession SCATTER = ORT.open(OrtTestModels.scatterAddFloat64(), CPU);

    @AfterAll
    static void close() {
        AFFINE.close();
        SCATTER.close();
    }

    private static void assertMessage(Throwable e, String fragment) {
        assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in: " + e.getMessage());
    }

    @Test
    void garbageBytesAreNotAModel() {
        InferenceException e = assertThrows(InferenceException.class, () -> ORT.open(new byte[] {7, 7, 7}, CPU));
        assertMessage(e, "could not load the model");
    }

    @Test
    void unknownOperatorIsRejectedAtLoad() {
        OnnxModelBuilder b = new OnnxModelBuilder("bad");
        String x = b.input("x", ElementType.FLOAT32, DeclaredShape.batched(2));
        b.output(b.op("NoSuchOp", List.of(x)), ElementType.FLOAT32, DeclaredShape.batched(2));
        InferenceException e = assertThrows(InferenceException.class, () -> ORT.open(b.toBytes(), CPU));
        assertMessage(e, "NoSuchOp");
    }

    @Test
    void unsupportedElementTypeIsRejectedAtOpen() {
        OnnxModelBuilder b = new OnnxModelBuilder("int32");
        String x = b.input("x", ElementType.INT64, DeclaredShape.batched(2));
        b.output(b.op("Identity", List.of(x)), ElementType.INT64, DeclaredShape.batched(2));
        ModelProto.Builder int32 = b.build().toBuilder();
        int32.getGraphBuilder().getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder()
                .setElemType(TensorProto.DataType.INT32.getNumber());
        int32.getGraphBuilder().getOutputBuilder(0).getTypeBuilder().getTensorTypeBuilder()
                .setElemType(TensorProto.DataType.INT32.getNumber());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ORT.open(int32.build(), CPU));
        assertMessage(e, "value 'x' has element type INT32");
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.onnx");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ORT.open(missing, CPU));
        assertMessage(e, "nope.onnx");
    }

    @Test
    void unknownAndMissingInputs() {
        HostTensor x = HostTensor.ofFloats(new float[3], 1, 3);
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> AFFINE.run(Map.of("x", x, "z", x))), "unknown input 'z'");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> AFFINE.run(Map.of())), "missing input(s) [x]");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> AFFINE.run(Map.of("x", x), List.of("q"))), "unknown output 'q'");
    }

    @Test
    void wrongTypeRankAndFixedDimension() {
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> AFFINE.run(Map.of("x", HostTensor.ofDoubles(new double[3], 1, 3)))),
                "input 'x' is float64 but the model declares float32");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> AFFINE.run(Map.of("x", HostTensor.ofFloats(new float[3], 3)))), "rank 2");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> AFFINE.run(Map.of("x", HostTensor.ofFloats(new float[8], 2, 4)))),
                "dimension 1 must be 3");
    }

    @Test
    void batchMustAgreeAcrossInputs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SCATTER.run(Map.of(
                "data", HostTensor.ofDoubles(new double[8], 2, 4),
                "idx", HostTensor.ofLongs(new long[9], 3, 3),
                "upd", HostTensor.ofDoubles(new double[6], 2, 3))));
        assertMessage(e, "dimension 'batch' is 2 in input 'data' but 3 in input 'idx'");
    }

    @Test
    void errorInsideTheGraphIsAnInferenceException() {
        // index 9 is outside the 4 columns: only ORT can tell
        InferenceException e = assertThrows(InferenceException.class, () -> SCATTER.run(Map.of(
                "data", HostTensor.ofDoubles(new double[4], 1, 4),
                "idx", HostTensor.ofLongs(new long[] {0, 9, 1}, 1, 3),
                "upd", HostTensor.ofDoubles(new double[3], 1, 3))));
        assertMessage(e, "running the model failed");
    }

    @Test
    void declaredOutputShapeConflictingWithInferenceIsRelaxedAtLoad() {
        OnnxModelBuilder b = new OnnxModelBuilder("lying");
        String x = b.input("x", ElementType.FLOAT32, DeclaredShape.batched(3));
        b.node("Identity", List.of(x), List.of("y"), List.of());
        b.output("y", ElementType.FLOAT32, DeclaredShape.batched(4));
        try (InferenceSession s = ORT.open(b.toBytes(), CPU)) {
            // ORT merges the conflicting declaration into an unknown dimension; such outputs are not pinned
            assertEquals("y:float32[batch,?]", s.output("y").toString());
            assertArrayEquals(new long[] {2, 3},
                    s.run(Map.of("x", HostTensor.ofFloats(new float[6], 2, 3))).get("y").shape());
        }
    }

    @Test
    void wrongDeclaredShapeOrtCannotCheckFailsTheRunInsteadOfReshaping() {
        // Reshape to a shape given at run time: ORT must trust the declared [batch,3], so the output is pinned as such
        OnnxModelBuilder b = new OnnxModelBuilder("reshape");
        String x = b.input("x", ElementType.FLOAT32, DeclaredShape.batched(3));
        String shape = b.input("shape", ElementType.INT64, DeclaredShape.fixed(2));
        b.node("Reshape", List.of(x, shape), List.of("y"), List.of());
        b.output("y", ElementType.FLOAT32, DeclaredShape.batched(3));
        try (InferenceSession s = ORT.open(b.toBytes(), CPU)) {
            HostTensor x23 = HostTensor.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
            HostTensor honest = s.run(Map.of("x", x23, "shape", HostTensor.ofLongs(new long[] {2, 3}, 2))).get("y");
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, honest.floats());
            InferenceException e = assertThrows(InferenceException.class, () -> s.run(Map.of("x", x23,
                    "shape", HostTensor.ofLongs(new long[] {3, 2}, 2))));
            assertMessage(e, "running the model failed");
        }
    }
}
