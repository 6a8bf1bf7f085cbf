package io.pitaj.models.runtime;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import io.pitaj.models.onnx.DeclaredShape;
import io.pitaj.models.onnx.ElementType;
import io.pitaj.models.onnx.HostTensor;
import io.pitaj.models.onnx.OnnxModelBuilder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The settings' optimisation level reaches ORT. ORT writes the graph it will run to a file when asked, and every level
 * from BASIC_OPT on folds constants, so y = x + c1·c2 keeps its Mul only without optimisations.
 */
class OrtOptimizationLevelTest {
    private static final OrtRuntime ORT = OrtRuntime.withWarningSink(m -> { });

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(OptLevel.class)
    void constantFoldingFollowsTheLevel(OptLevel level) throws IOException {
        Path optimized = dir.resolve(level + ".onnx");
        byte[] model = xPlusConstantProduct();
        ModelSource writesItsOptimizedGraph = new ModelSource("the model 'fold'", options -> {
            options.setOptimizedModelFilePath(optimized.toString());
            return OrtEnvironment.getEnvironment().createSession(model, options);
        });
        try (InferenceSession s = ORT.open(writesItsOptimizedGraph, SessionSettings.cpu(1).withOptimization(level))) {
            assertEquals(ExecutionProvider.CPU, s.provider());
        }
        List<String> ops = ModelProto.parseFrom(Files.readAllBytes(optimized)).getGraph().getNodeList().stream()
                .map(NodeProto::getOpType).toList();
        assertEquals(level == OptLevel.NO_OPT ? List.of("Mul", "Add") : List.of("Add"), ops);
    }

    private static byte[] xPlusConstantProduct() {
        OnnxModelBuilder b = new OnnxModelBuilder("fold");
        String x = b.input("x", ElementType.FLOAT32, DeclaredShape.batched(2));
        String c1 = b.initializer("c1", HostTensor.ofFloats(new float[] {2f, 3f}, 2));
        String c2 = b.initializer("c2", HostTensor.ofFloats(new float[] {5f, 7f}, 2));
        b.node("Add", List.of(x, b.op("Mul", List.of(c1, c2))), List.of("y"), List.of());
        b.output("y", ElementType.FLOAT32, DeclaredShape.batched(2));
        return b.toBytes();
    }
}
