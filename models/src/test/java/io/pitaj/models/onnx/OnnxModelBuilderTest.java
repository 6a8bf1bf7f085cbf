package io.pitaj.models.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnnxModelBuilderTest {

    private static OnnxModelBuilder affine() {
        OnnxModelBuilder b = new OnnxModelBuilder("affine");
        String x = b.input("x", ElementType.FLOAT32, DeclaredShape.batched(3));
        String w = b.initializer("w", HostTensor.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 3, 2));
        String bias = b.initializer("b", HostTensor.ofFloats(new float[] {0.5f, -0.5f}, 2));
        String xw = b.op("MatMul", List.of(x, w));
        b.node("Add", List.of(xw, bias), List.of("y"), List.of());
        b.output("y", ElementType.FLOAT32, DeclaredShape.batched(2));
        return b;
    }

    @Test
    void modelCarriesOpsetIrAndProducer() {
        ModelProto m = affine().producerVersion("1.2.3").metadata("arch", "affine").build();
        assertEquals(8, m.getIrVersion());
        assertEquals(1, m.getOpsetImportCount());
        assertEquals("", m.getOpsetImport(0).getDomain());
        assertEquals(18, m.getOpsetImport(0).getVersion());
        assertEquals("pita-j", m.getProducerName());
        assertEquals("1.2.3", m.getProducerVersion());
        assertEquals("arch", m.getMetadataProps(0).getKey());
    }

    @Test
    void batchDimensionIsSymbolic() {
        GraphProto g = affine().build().getGraph();
        TensorShapeProto shape = g.getInput(0).getType().getTensorType().getShape();
        assertEquals("batch", shape.getDim(0).getDimParam());
        assertEquals(3, shape.getDim(1).getDimValue());
        assertEquals(1, g.getInput(0).getType().getTensorType().getElemType()); // FLOAT
    }

    @Test
    void serialisedModelParsesBackToTheSameGraph(@TempDir Path dir) throws Exception {
        OnnxModelBuilder b = affine();
        ModelProto built = b.build();
        ModelProto parsed = ModelProto.parseFrom(b.toBytes());
        assertEquals(built, parsed);
        Path file = dir.resolve("affine.onnx");
        b.writeTo(file);
        assertEquals(built, ModelProto.parseFrom(Files.readAllBytes(file)));

        GraphProto g = parsed.getGraph();
        assertEquals(List.of("MatMul", "Add"), g.getNodeList().stream().map(NodeProto::getOpType).toList());
        assertEquals("y", g.getOutput(0).getName());
        HostTensor w = TensorProtoCodec.decode(g.getInitializer(0));
        assertArrayEquals(new long[] {3, 2}, w.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, w.floats());
    }

    @Test
    void attributesOfEveryKindAreEncoded() {
        OnnxModelBuilder b = new OnnxModelBuilder("attrs");
        String x = b.input("x", ElementType.FLOAT64, DeclaredShape.batched(4));
        String c = b.op("Constant", List.of(), Attribute.ofTensor("value", HostTensor.ofLongs(new long[] {1}, 1)));
        String s = b.op("ReduceSum", List.of(x, c), Attribute.ofInt("keepdims", 0));
        b.output(s, ElementType.FLOAT64, DeclaredShape.batched());
        b.op("Transpose", List.of(x), Attribute.ofInts("perm", 1, 0));
        b.op("LeakyRelu", List.of(x), Attribute.ofFloat("alpha", 0.25f));
        b.op("Identity", List.of(x), Attribute.ofFloats("unused", 1f, 2f), Attribute.ofString("mode", "m"));
        List<NodeProto> nodes = b.build().getGraph().getNodeList();
        assertEquals(AttributeType.TENSOR, nodes.get(0).getAttribute(0).getType());
        assertEquals(AttributeType.INT, nodes.get(1).getAttribute(0).getType());
        assertEquals(List.of(1L, 0L), nodes.get(2).getAttribute(0).getIntsList());
        assertEquals(0.25f, nodes.get(3).getAttribute(0).getF());
        assertEquals(List.of(1f, 2f), nodes.get(4).getAttribute(0).getFloatsList());
        assertEquals("m", nodes.get(4).getAttribute(1).getS().toStringUtf8());
    }

    @Test
    void weightsCanBeInitializersOrGraphInputs() {
        HostTensor w = HostTensor.ofDoubles(new double[] {1, 2, 3}, 3);
        OnnxModelBuilder asInit = new OnnxModelBuilder("g");
        asInit.weight("w", w, WeightPlacement.INITIALIZER);
        asInit.output("w", ElementType.FLOAT64, DeclaredShape.fixed(3));
        GraphProto g1 = asInit.build().getGraph();
        assertEquals(1, g1.getInitializerCount());
        assertEquals(0, g1.getInputCount());

        OnnxModelBuilder asInput = new OnnxModelBuilder("g");
        asInput.weight("w", w, WeightPlacement.GRAPH_INPUT);
        asInput.output("w", ElementType.FLOAT64, DeclaredShape.fixed(3));
        GraphProto g2 = asInput.build().getGraph();
        assertEquals(0, g2.getInitializerCount());
        assertEquals(1, g2.getInputCount());
        assertEquals(3, g2.getInput(0).getType().getTensorType().getShape().getDim(0).getDimValue());
        assertEquals(11, g2.getInput(0).getType().getTensorType().getElemType()); // DOUBLE
    }

    @Test
    void freshNamesNeverCollide() {
        OnnxModelBuilder b = new OnnxModelBuilder("g");
        b.input("h_0", ElementType.FLOAT32, DeclaredShape.batched(1));
        String n1 = b.freshName("h");
        assertNotEquals("h_0", n1);
        List<String> outs = b.op("Split", List.of("h_0"), 3, Attribute.ofInt("num_outputs", 3));
        assertEquals(3, outs.stream().distinct().count());
        assertTrue(outs.stream().noneMatch("h_0"::equals));
    }

    @Test
    void duplicateNamesAreRejected() {
        OnnxModelBuilder b = new OnnxModelBuilder("g");
        b.input("x", ElementType.FLOAT32, DeclaredShape.batched(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.initializer("x", HostTensor.ofFloats(new float[] {1}, 1)));
        assertTrue(e.getMessage().contains("'x' is already used by a graph input"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> b.node("Relu", List.of("x"), List.of("x"), List.of()));
    }

    @Test
    void undefinedNodeInputIsRejected() {
        OnnxModelBuilder b = new OnnxModelBuilder("g");
        b.input("x", ElementType.FLOAT32, DeclaredShape.batched(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.op("Add", List.of("x", "nope")));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    }

    @Test
    void emptyInputNameMarksAnOmittedOptionalInput() {
        OnnxModelBuilder b = new OnnxModelBuilder("g");
        b.input("x", ElementType.FLOAT32, DeclaredShape.batched(4));
        String y = b.op("ReduceSum", List.of("x", ""));
        b.output(y, ElementType.FLOAT32, DeclaredShape.of());
        assertEquals(List.of("x", ""), b.build().getGraph().getNode(0).getInputList());
    }

    @Test
    void outputsMustBeProducedAndUnique() {
        OnnxModelBuilder b = new OnnxModelBuilder("g");
        b.input("x", ElementType.FLOAT32, DeclaredShape.batched(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.output("y", ElementType.FLOAT32, DeclaredShape.batched(1)));
        assertTrue(e.getMessage().contains("never produced"), e.getMessage());
        b.output("x", ElementType.FLOAT32, DeclaredShape.batched(1));
        assertThrows(IllegalArgumentException.class, () -> b.output("x", ElementType.FLOAT32, DeclaredShape.batched(1)));
        assertThrows(IllegalStateException.class, () -> new OnnxModelBuilder("empty").build());
    }

    @Test
    void duplicateAttributeIsRejected() {
        OnnxModelBuilder b = new OnnxModelBuilder("g");
        b.input("x", ElementType.FLOAT32, DeclaredShape.batched(1));
        assertThrows(IllegalArgumentException.class,
                () -> b.op("Softmax", List.of("x"), Attribute.ofInt("axis", 1), Attribute.ofInt("axis", 0)));
    }
}
