package io.pitaj.models.onnx;

import static io.pitaj.models.graph.Shape.BATCH;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.GraphExporter;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Tensor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The structure of exported models: names, inputs, outputs, initializers, determinism, dead nodes, rejections. */
class GraphExporterTest {
    private static final GraphExporter.Options OPTIONS = GraphExporter.Options.named("test");

    /** y = tanh(x·w) + c, plus dead computations on the same inputs and a dead input. */
    private static Map<String, Node> smallModel() {
        Graph g = new Graph();
        Node x = g.input("x", DType.F32, BATCH, 3);
        Node w = g.input("w", DType.F32, 3, 2);
        Node unused = g.input("unused", DType.F32, 2);
        x.exp().sum(1);
        unused.mul(g.constant(Tensor.vector(5, 6), DType.F32));
        Node y = x.matmul(w).tanh().add(g.constant(Tensor.vector(0.25, -1), DType.F32));
        Map<String, Node> out = new LinkedHashMap<>();
        out.put("y", y);
        out.put("z", y.sum(1));
        return out;
    }

    private static List<String> opTypes(ModelProto m) {
        return m.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
    }

    @Test
    void sameGraphGivesIdenticalBytes() {
        byte[] first = GraphExporter.toBytes(smallModel(), OPTIONS);
        assertArrayEquals(first, GraphExporter.toBytes(smallModel(), OPTIONS));
        Map<String, Node> outputs = smallModel();
        assertArrayEquals(GraphExporter.toBytes(outputs, OPTIONS), GraphExporter.toBytes(outputs, OPTIONS));
    }

    @Test
    void deadNodesAndInputsAreLeftOut() {
        ModelProto m = GraphExporter.export(smallModel(), OPTIONS);
        assertEquals(List.of("MatMul", "Tanh", "Add", "ReduceSum"), opTypes(m));
        GraphProto g = m.getGraph();
        assertEquals(List.of("x", "w"), g.getInputList().stream().map(ValueInfoProto::getName).toList());
        // the live constant and the ReduceSum axes; not the dead constant
        assertEquals(2, g.getInitializerCount());
    }

    @Test
    void inputsOutputsAndStandardDomainOnly() {
        ModelProto m = GraphExporter.export(smallModel(), OPTIONS);
        assertEquals(1, m.getOpsetImportCount());
        assertEquals("", m.getOpsetImport(0).getDomain());
        assertEquals(18, m.getOpsetImport(0).getVersion());
        GraphProto g = m.getGraph();
        ValueInfoProto x = g.getInput(0);
        assertEquals("batch", x.getType().getTensorType().getShape().getDim(0).getDimParam());
        assertEquals(3, x.getType().getTensorType().getShape().getDim(1).getDimValue());
        assertEquals(List.of("y", "z"), g.getOutputList().stream().map(ValueInfoProto::getName).toList());
        ValueInfoProto z = g.getOutput(1);
        assertEquals(1, z.getType().getTensorType().getShape().getDimCount());
        assertEquals("batch", z.getType().getTensorType().getShape().getDim(0).getDimParam());
        assertTrue(m.getGraph().getNodeList().stream().allMatch(n -> n.getDomain().isEmpty()));
    }

    @Test
    void constantsBecomeTypedInitializersAndScalarsHaveRankZero() {
        Graph g = new Graph();
        Map<String, Node> out = new LinkedHashMap<>();
        out.put("f32", g.constant(Tensor.vector(0.1, 2), DType.F32));
        out.put("f64", g.constant(Tensor.vector(0.1, 2), DType.F64));
        out.put("i64", g.constant(Tensor.vector(-3, 4), DType.I64));
        out.put("bool", g.constant(Tensor.vector(1, 0), DType.BOOL));
        out.put("scalar", g.scalar(1.5, DType.F64));
        GraphProto m = GraphExporter.export(out, OPTIONS).getGraph();
        List<TensorProto> init = m.getInitializerList();
        assertEquals(List.of(TensorProto.DataType.FLOAT, TensorProto.DataType.DOUBLE, TensorProto.DataType.INT64,
                TensorProto.DataType.BOOL, TensorProto.DataType.DOUBLE),
                init.stream().map(t -> TensorProto.DataType.forNumber(t.getDataType())).toList());
        assertArrayEquals(new float[] {0.1f, 2f}, TensorProtoCodec.decode(init.get(0)).floats());
        assertArrayEquals(new double[] {0.1, 2}, TensorProtoCodec.decode(init.get(1)).doubles());
        assertArrayEquals(new long[] {-3, 4}, TensorProtoCodec.decode(init.get(2)).longs());
        assertArrayEquals(new boolean[] {true, false}, TensorProtoCodec.decode(init.get(3)).booleans());
        assertEquals(0, init.get(4).getDimsCount());
    }

    @Test
    void weightsAreInitializersOrInputsAsPlaced() {
        Map<String, Tensor> w = Map.of("w", Tensor.zeros(3, 2));
        GraphProto baked = GraphExporter.export(smallModel(), OPTIONS.withWeights(w, WeightPlacement.INITIALIZER)).getGraph();
        assertEquals(List.of("x"), baked.getInputList().stream().map(ValueInfoProto::getName).toList());
        assertTrue(baked.getInitializerList().stream().anyMatch(t -> t.getName().equals("w")));
        GraphProto fed = GraphExporter.export(smallModel(), OPTIONS.withWeights(w, WeightPlacement.GRAPH_INPUT)).getGraph();
        assertEquals(List.of("x", "w"), fed.getInputList().stream().map(ValueInfoProto::getName).toList());
        assertTrue(fed.getInitializerList().stream().noneMatch(t -> t.getName().equals("w")));
    }

    @Test
    void egnnPairListScatterNeedsNoPadding() {
        Graph g = new Graph();
        int n = 5;
        int[] receiver = new int[n * (n - 1)];
        for (int a = 0, e = 0; a < n; a++) for (int b = 0; b < n; b++) if (a != b) receiver[e++] = a;
        Node messages = g.input("m", DType.F32, BATCH, receiver.length, 8);
        ModelProto m = GraphExporter.export(Map.of("h", messages.scatterAdd(1, n, receiver)), OPTIONS);
        assertEquals(List.of("Gather", "Reshape", "ReduceSum"), opTypes(m));
    }

    @Test
    void outputsMayShareNodesAndNameInputs() {
        Graph g = new Graph();
        Node x = g.input("x", DType.F64, BATCH, 2);
        Map<String, Node> out = new LinkedHashMap<>();
        out.put("x", x);
        out.put("e", x.exp());
        out.put("e2", x.exp());
        out.put("xcopy", x);
        ModelProto m = GraphExporter.export(out, OPTIONS);
        assertEquals(List.of("Exp", "Identity", "Identity"), opTypes(m));
        List<Tensor> r = OrtRunner.run(m.toByteArray(), Map.of("x", Tensor.vector(0, 1).reshape(new int[] {1, 2})));
        assertArrayEquals(new double[] {0, 1}, r.get(0).data());
        assertArrayEquals(new double[] {1, Math.E}, r.get(2).data(), 1e-15);
        assertArrayEquals(new double[] {0, 1}, r.get(3).data());
    }

    @Test
    void unexportableGraphsAreRejectedWithAReason() {
        Map<String, Node> model = smallModel();
        Node y = model.get("y");
        Graph g = y.graph();
        assertMessage("no outputs", () -> GraphExporter.export(Map.of(), OPTIONS));
        Map<String, Node> unordered = new HashMap<>(model);
        assertMessage("LinkedHashMap", () -> GraphExporter.export(unordered, OPTIONS));
        assertMessage("name of a graph input", () -> GraphExporter.export(Map.of("w", y), OPTIONS));
        assertMessage("not an input", () -> GraphExporter.export(model,
                OPTIONS.withWeights(Map.of("nope", Tensor.zeros(2)), WeightPlacement.INITIALIZER)));
        assertMessage("declared", () -> GraphExporter.export(model,
                OPTIONS.withWeights(Map.of("w", Tensor.zeros(2, 3)), WeightPlacement.INITIALIZER)));
        assertMessage("declared", () -> GraphExporter.export(model,
                OPTIONS.withWeights(Map.of("x", Tensor.zeros(1, 3)), WeightPlacement.GRAPH_INPUT)));
        Node mask = g.input("mask", DType.BOOL, BATCH, 3);
        assertMessage("scatter-add", () -> GraphExporter.export(Map.of("s", mask.scatterAdd(1, 2, 0, 1, 1)), OPTIONS));
        Node empty = g.input("empty", DType.F32, 2, 0);
        assertMessage("zero-length", () -> GraphExporter.export(Map.of("r", empty.reshape(0, 4)), OPTIONS));
        Node other = new Graph().input("q", DType.F32, 2);
        Map<String, Node> mixed = new LinkedHashMap<>(model);
        mixed.put("q", other.exp());
        assertMessage("different graphs", () -> GraphExporter.export(mixed, OPTIONS));
    }

    private static void assertMessage(String fragment, Runnable export) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, export::run);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }
}
