package io.pitaj.models.onnx;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a graph op needs while it writes itself into an ONNX model: nodes with a given or a fresh output name, int64
 * helper constants (axes, shapes, indices, pads), the run-time shape of a value, initializers and graph inputs.
 *
 * <p>It lives in this package, and knows nothing of the tensor graph, so that the dependency runs one way only:
 * the graph engine's ops use this ONNX layer, never the reverse. The graph-side driver is
 * {@code io.pitaj.models.graph.GraphExporter}.
 *
 * <p>Names are deterministic: fresh names are numbered in emission order and skip the reserved names (the graph's
 * input, weight and output names, which are defined later than some helpers), and equal int64 constants and
 * repeated DeclaredShape-of requests are emitted once.
 */
public final class OnnxLowering {
    private final OnnxModelBuilder builder;
    private final Set<String> reserved;
    private final Map<String, HostTensor> weights;
    private final WeightPlacement placement;
    private final boolean fusedLayerNorm;
    private final Map<String, String> int64Constants = new HashMap<>();
    private final Map<String, String> shapes = new HashMap<>();

    /**
     * @param reserved  names defined later by the caller, which fresh names must avoid
     * @param weights   graph inputs that are trainable parameters, with their current values
     * @param placement whether those weights become initializers (baked in) or stay graph inputs (fed)
     * @param fusedLayerNorm whether layer normalisation is one ONNX LayerNormalization node or its primitive ops
     */
    public OnnxLowering(OnnxModelBuilder builder, Set<String> reserved, Map<String, HostTensor> weights,
            WeightPlacement placement, boolean fusedLayerNorm) {
        this.builder = Objects.requireNonNull(builder, "builder");
        this.reserved = Set.copyOf(reserved);
        this.weights = Map.copyOf(weights);
        this.placement = Objects.requireNonNull(placement, "placement");
        this.fusedLayerNorm = fusedLayerNorm;
    }

    /** Whether layer normalisation is written as one ONNX LayerNormalization node. */
    public boolean fusedLayerNorm() { return fusedLayerNorm; }

    /** A value name used nowhere in the model so far and not reserved. */
    public String fresh(String hint) {
        String name;
        do {
            name = builder.freshName(hint);
        } while (reserved.contains(name));
        return name;
    }

    /** A node whose single output gets the given name. */
    public void node(String opType, List<String> inputs, String output, Attribute... attributes) {
        builder.node(opType, inputs, List.of(output), List.of(attributes));
    }

    /** A helper node with a freshly named single output; returns that name. */
    public String op(String opType, List<String> inputs, Attribute... attributes) {
        String out = fresh(opType.toLowerCase());
        node(opType, inputs, out, attributes);
        return out;
    }

    /** A 1-D int64 initializer holding {@code values} (shared by every request for the same values). */
    public String int64s(long... values) {
        return int64Constants.computeIfAbsent(Arrays.toString(values),
                k -> builder.initializer(fresh("i64"), HostTensor.ofLongs(values.clone(), values.length)));
    }

    /** A 1-D int64 initializer from int values. */
    public String int64s(int... values) {
        return int64s(Arrays.stream(values).asLongStream().toArray());
    }

    /** The run-time shape of a value (one DeclaredShape node per value, however often it is asked for). */
    public String shapeOf(String value) {
        return shapes.computeIfAbsent(value, v -> op("Shape", List.of(v)));
    }

    /** The {@code to} attribute of an ONNX Cast to {@code dtype}. */
    public static Attribute castTo(ElementType dtype) {
        return Attribute.ofInt("to", dtype.onnxType().getNumber());
    }

    public void initializer(String name, HostTensor value) {
        builder.initializer(name, value);
    }

    /**
     * Declares a graph input of the tensor graph: a weight goes where the placement says (its declared shape must
     * be the value's), any other input becomes an ONNX graph input with the symbolic batch dimension as declared.
     */
    public void graphInput(String name, ElementType dtype, DeclaredShape shape) {
        HostTensor w = weights.get(name);
        if (w == null) {
            builder.input(name, dtype, shape);
            return;
        }
        if (w.dtype() != dtype || !DeclaredShape.fixed(w.shape()).equals(shape)) {
            throw new IllegalArgumentException("weight '" + name + "' has value " + w + " but the input is declared "
                    + dtype.name().toLowerCase() + shape);
        }
        builder.weight(name, w, placement);
    }
}
