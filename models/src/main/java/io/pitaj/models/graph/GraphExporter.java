package io.pitaj.models.graph;

import ai.onnx.proto.OnnxMl.ModelProto;
import io.pitaj.models.graph.ops.Constant;
import io.pitaj.models.graph.ops.Input;
import io.pitaj.models.onnx.HostTensor;
import io.pitaj.models.onnx.OnnxLowering;
import io.pitaj.models.onnx.OnnxModelBuilder;
import io.pitaj.models.onnx.WeightPlacement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Translates the part of a graph that named outputs depend on into a standard ONNX model (opset 18, default domain
 * only), each op writing its own nodes ({@link Op#toOnnx}).
 *
 * <p>Graph inputs keep their names and declared shapes (the batch dimension becomes the symbolic "batch");
 * outputs get the given names in the given order; constants become initializers; inputs named as weights are baked
 * in as initializers or stay graph inputs ({@link WeightPlacement}). Dead nodes are not exported. The same graph
 * gives the same bytes: value names are numbered in topological order, which follows node creation.
 */
public final class GraphExporter {
    private GraphExporter() {}

    /**
     * @param graphName      the ONNX graph name
     * @param weights        values of graph inputs that are trainable parameters, by input name
     * @param placement      whether those weights are baked in as initializers or fed as graph inputs
     * @param fusedLayerNorm whether layer normalisation is written as one ONNX LayerNormalization (for GPUs) or as
     *                       the primitive ops it is made of, which ORT 1.29 runs 4.5 times faster on CPU than its own
     *                       LayerNormalization kernel (measured here, see docs/onnx-export.md)
     */
    public record Options(String graphName, Map<String, Tensor> weights, WeightPlacement placement, boolean fusedLayerNorm) {
        public Options {
            Objects.requireNonNull(graphName, "graph name");
            weights = Map.copyOf(weights);
            Objects.requireNonNull(placement, "placement");
        }

        /** No weights: every input of the graph is a graph input; layer normalisation as primitive ops. */
        public static Options named(String graphName) {
            return new Options(graphName, Map.of(), WeightPlacement.INITIALIZER, false);
        }

        public Options withWeights(Map<String, Tensor> values, WeightPlacement where) {
            return new Options(graphName, values, where, fusedLayerNorm);
        }

        public Options withFusedLayerNorm(boolean fused) {
            return new Options(graphName, weights, placement, fused);
        }
    }

    /** The model computing a named graph's outputs, in their order. */
    public static ModelProto export(NamedGraph graph, Options options) {
        return export(new LinkedHashMap<>(graph.outputs()), options);
    }

    /**
     * The model computing {@code outputs}, in the map's order. The map must have a defined order (a LinkedHashMap
     * or a SortedMap) unless it has one entry, because the order is part of the file.
     */
    public static ModelProto export(Map<String, Node> outputs, Options options) {
        checkOutputs(outputs);
        List<Node> order = Graph.topologicalOrder(outputs.values());
        Map<String, Node> inputs = new HashMap<>();
        for (Node n : order) if (n.op() instanceof Input in) inputs.put(in.inputName(), n);
        checkOutputNames(outputs, inputs);
        Map<String, HostTensor> weights = weightValues(outputs.values().iterator().next().graph(), options.weights());

        Set<String> reserved = new HashSet<>(outputs.keySet());
        reserved.addAll(inputs.keySet());
        reserved.addAll(weights.keySet());
        OnnxModelBuilder builder = new OnnxModelBuilder(options.graphName());
        OnnxLowering ctx = new OnnxLowering(builder, reserved, liveOnly(weights, inputs), options.placement(),
                options.fusedLayerNorm());

        Map<Node, String> firstOutputName = new HashMap<>();
        outputs.forEach((name, node) -> firstOutputName.putIfAbsent(node, name));
        Map<Node, String> names = new HashMap<>();
        for (Node n : order) {
            String out = valueName(n, firstOutputName, ctx);
            List<String> in = new ArrayList<>(n.inputs().size());
            for (Node i : n.inputs()) in.add(names.get(i));
            try {
                n.op().toOnnx(ctx, n, in, out);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot export " + n + ": " + e.getMessage(), e);
            }
            names.put(n, out);
        }
        outputs.forEach((name, node) -> {
            // inputs and constants keep their own names; a node under a second name is copied out
            if (!names.get(node).equals(name)) ctx.node("Identity", List.of(names.get(node)), name);
            builder.output(name, node.dtype().onnx(), node.shape().onnx());
        });
        return builder.build();
    }

    /** An input keeps its name; a computed output value is named as the output; anything else is numbered. */
    private static String valueName(Node n, Map<Node, String> outputNames, OnnxLowering ctx) {
        if (n.op() instanceof Input in) return in.inputName();
        // a constant is an initializer, not a node output, so an output that is a constant is copied out by Identity
        if (n.op() instanceof Constant) return ctx.fresh("const");
        String name = outputNames.get(n);
        return name != null ? name : ctx.fresh("v");
    }

    public static byte[] toBytes(Map<String, Node> outputs, Options options) {
        return export(outputs, options).toByteArray();
    }

    private static void checkOutputs(Map<String, Node> outputs) {
        if (outputs.isEmpty()) throw new IllegalArgumentException("nothing to export: no outputs");
        if (outputs.size() > 1 && !(outputs instanceof LinkedHashMap || outputs instanceof SortedMap)) {
            throw new IllegalArgumentException("the output order is part of the model: pass a LinkedHashMap or a "
                    + "SortedMap, not a " + outputs.getClass().getSimpleName());
        }
        for (String name : outputs.keySet()) {
            if (name == null || name.isEmpty()) throw new IllegalArgumentException("output names must not be empty");
        }
    }

    /** An output may be named like an input only when it is that input. */
    private static void checkOutputNames(Map<String, Node> outputs, Map<String, Node> inputs) {
        outputs.forEach((name, node) -> {
            Node input = inputs.get(name);
            if (input != null && input != node) {
                throw new IllegalArgumentException("output '" + name + "' has the name of a graph input");
            }
        });
    }

    /** Weight values as host tensors; every weight must name an input of the graph with the value's shape. */
    private static Map<String, HostTensor> weightValues(Graph graph, Map<String, Tensor> weights) {
        Map<String, Node> declared = new HashMap<>();
        for (Node n : graph.inputs()) declared.put(((Input) n.op()).inputName(), n);
        Map<String, HostTensor> out = new TreeMap<>();
        weights.forEach((name, value) -> {
            Node input = declared.get(name);
            if (input == null) throw new IllegalArgumentException("weight '" + name + "' is not an input of the graph");
            if (input.shape().hasBatch() || !input.shape().equals(Shape.of(value.shape()))) {
                throw new IllegalArgumentException("weight '" + name + "' has shape " + Shape.of(value.shape())
                        + " but its input is declared " + input.shape());
            }
            out.put(name, value.toHost(input.dtype()));
        });
        return out;
    }

    /** Weights the outputs do not depend on are left out, like every other dead value. */
    private static Map<String, HostTensor> liveOnly(Map<String, HostTensor> weights, Map<String, Node> liveInputs) {
        Map<String, HostTensor> live = new TreeMap<>(weights);
        live.keySet().retainAll(liveInputs.keySet());
        return live;
    }
}
