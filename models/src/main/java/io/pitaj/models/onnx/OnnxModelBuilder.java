package io.pitaj.models.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Assembles one ONNX model (a single graph in the default operator domain) from graph inputs, initializers, nodes
 * and graph outputs.
 *
 * <p>Validation is done as things are added, so the error points at the offending call: every value name is defined
 * once (graph input, initializer or node output); a node may only consume values already defined, which also keeps
 * the node list in the topological order ONNX requires; every graph output must name a defined value. Operator
 * semantics (input counts, types, attribute names) are left to ONNX Runtime, which checks them when it loads the
 * model.
 *
 * <p>Not thread-safe: one builder per exported graph.
 */
public final class OnnxModelBuilder {
    /** Default-domain opset: 18 (ONNX 1.13), the first with ReduceSum-style axes inputs on every Reduce* op. */
    public static final int OPSET_VERSION = 18;
    /** IR version 8, the one ONNX 1.13 introduced together with opset 18; ONNX Runtime 1.29 loads it. */
    public static final long IR_VERSION = 8;
    public static final String PRODUCER_NAME = "pita-j";

    private final String graphName;
    private String producerVersion = defaultProducerVersion();
    private String docString = "";
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private final List<ValueInfoProto> inputs = new ArrayList<>();
    private final List<ValueInfoProto> outputs = new ArrayList<>();
    private final List<TensorProto> initializers = new ArrayList<>();
    private final List<NodeProto> nodes = new ArrayList<>();
    /** Every defined value name, mapped to a description of what defined it (for error messages). */
    private final Map<String, String> defined = new HashMap<>();
    private final Map<String, Integer> freshCounters = new HashMap<>();
    private int nodeCount;

    public OnnxModelBuilder(String graphName) {
        this.graphName = requireName(graphName, "graph name");
    }

    /** The project version when running from a packaged jar, "dev" otherwise. */
    private static String defaultProducerVersion() {
        String v = OnnxModelBuilder.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public OnnxModelBuilder producerVersion(String version) {
        this.producerVersion = Objects.requireNonNull(version, "producer version");
        return this;
    }

    public OnnxModelBuilder docString(String doc) {
        this.docString = Objects.requireNonNull(doc, "doc string");
        return this;
    }

    /** A model-level metadata entry (e.g. architecture or σ range), visible to any ONNX tool. */
    public OnnxModelBuilder metadata(String key, String value) {
        metadata.put(requireName(key, "metadata key"), Objects.requireNonNull(value, "metadata value"));
        return this;
    }

    /** Declares a graph input and returns its name. */
    public String input(String name, ElementType dtype, DeclaredShape shape) {
        define(name, "graph input");
        inputs.add(valueInfo(new ValueSpec(name, dtype, shape)));
        return name;
    }

    /** Adds a constant tensor stored in the model and returns its name. */
    public String initializer(String name, HostTensor value) {
        define(name, "initializer");
        initializers.add(TensorProtoCodec.encode(name, value));
        return name;
    }

    /**
     * Adds a trainable tensor either as an initializer holding {@code value}, or as a graph input of the value's
     * exact type and shape whose value the caller feeds at run time.
     */
    public String weight(String name, HostTensor value, WeightPlacement placement) {
        return switch (placement) {
            case INITIALIZER -> initializer(name, value);
            case GRAPH_INPUT -> input(name, value.dtype(), DeclaredShape.fixed(value.shape()));
        };
    }

    /** A value name not used so far, derived from {@code hint} ("h" → "h_0", "h_1", ...). */
    public String freshName(String hint) {
        requireName(hint, "name hint");
        int k = freshCounters.getOrDefault(hint, 0);
        String candidate;
        do {
            candidate = hint + "_" + k++;
        } while (defined.containsKey(candidate));
        freshCounters.put(hint, k);
        return candidate;
    }

    /** Adds a node with one output, named freshly after the op type, and returns the output name. */
    public String op(String opType, List<String> inputNames, Attribute... attributes) {
        String out = freshName(opType.toLowerCase());
        node(opType, inputNames, List.of(out), List.of(attributes));
        return out;
    }

    /** Adds a node with {@code outputCount} freshly named outputs and returns them in order. */
    public List<String> op(String opType, List<String> inputNames, int outputCount, Attribute... attributes) {
        if (outputCount < 1) {
            throw new IllegalArgumentException(opType + " node needs at least one output, got " + outputCount);
        }
        List<String> outs = new ArrayList<>(outputCount);
        for (int i = 0; i < outputCount; i++) {
            // freshName advances its counter, so consecutive names differ before any of them is defined
            outs.add(freshName(opType.toLowerCase()));
        }
        node(opType, inputNames, outs, List.of(attributes));
        return outs;
    }

    /**
     * Adds a node with explicit output names. An empty input name marks an omitted optional input, as in ONNX.
     */
    public void node(String opType, List<String> inputNames, List<String> outputNames, List<Attribute> attributes) {
        requireName(opType, "op type");
        if (outputNames.isEmpty()) {
            throw new IllegalArgumentException(opType + " node needs at least one output");
        }
        String nodeName = opType + "_" + nodeCount;
        for (String in : inputNames) {
            Objects.requireNonNull(in, "input name of " + nodeName);
            if (!in.isEmpty() && !defined.containsKey(in)) {
                throw new IllegalArgumentException("node " + nodeName + " reads '" + in
                        + "', which is not a graph input, initializer or output of an earlier node");
            }
        }
        Set<String> attributeNames = new HashSet<>();
        for (Attribute a : attributes) {
            if (!attributeNames.add(a.name())) {
                throw new IllegalArgumentException("node " + nodeName + " has attribute '" + a.name() + "' twice");
            }
        }
        for (String out : outputNames) {
            define(out, "output of node " + nodeName);
        }
        NodeProto.Builder b = NodeProto.newBuilder().setOpType(opType).setName(nodeName)
                .addAllInput(inputNames).addAllOutput(outputNames);
        attributes.forEach(a -> b.addAttribute(a.proto()));
        nodes.add(b.build());
        nodeCount++;
    }

    /** Declares an already defined value as a graph output with its type and shape. */
    public void output(String name, ElementType dtype, DeclaredShape shape) {
        if (!defined.containsKey(name)) {
            throw new IllegalArgumentException("graph output '" + name + "' is never produced: it is not a graph "
                    + "input, initializer or node output");
        }
        for (ValueInfoProto o : outputs) {
            if (o.getName().equals(name)) {
                throw new IllegalArgumentException("graph output '" + name + "' declared twice");
            }
        }
        outputs.add(valueInfo(new ValueSpec(name, dtype, shape)));
    }

    public ModelProto build() {
        if (outputs.isEmpty()) {
            throw new IllegalStateException("graph '" + graphName + "' has no outputs");
        }
        GraphProto graph = GraphProto.newBuilder()
                .setName(graphName)
                .addAllInput(inputs)
                .addAllInitializer(initializers)
                .addAllNode(nodes)
                .addAllOutput(outputs)
                .build();
        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName(PRODUCER_NAME)
                .setProducerVersion(producerVersion)
                .setDocString(docString)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET_VERSION))
                .setGraph(graph);
        metadata.forEach((k, v) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return model.build();
    }

    public byte[] toBytes() { return build().toByteArray(); }

    public void writeTo(Path file) throws IOException {
        Files.write(file, toBytes());
    }

    private void define(String name, String what) {
        requireName(name, "value name");
        String previous = defined.putIfAbsent(name, what);
        if (previous != null) {
            throw new IllegalArgumentException("value name '" + name + "' is already used by a " + previous
                    + "; cannot reuse it for a " + what);
        }
    }

    private static String requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return name;
    }

    static ValueInfoProto valueInfo(ValueSpec spec) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Dim d : spec.shape().dims()) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d.isFixed()) {
                dim.setDimValue(d.size());
            } else if (d.isSymbolic()) {
                dim.setDimParam(d.param());
            }
            shape.addDim(dim);
        }
        TypeProto type = TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(spec.dtype().onnxType().getNumber())
                        .setShape(shape))
                .build();
        return ValueInfoProto.newBuilder().setName(spec.name()).setType(type).build();
    }
}
