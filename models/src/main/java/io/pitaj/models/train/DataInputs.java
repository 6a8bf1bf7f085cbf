package io.pitaj.models.train;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Shape;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Declares the data inputs of a training-step graph while its loss is being built; each is named
 * {@code data/<name>} and has the graph's float type. A loss asks for what it needs, so the list of data inputs
 * cannot drift from the loss. A loss may also report named scalar terms, which the step graph outputs for
 * monitoring.
 */
public final class DataInputs {
    private final Graph graph;
    private final DType dtype;
    private final Map<String, Node> terms = new LinkedHashMap<>();

    DataInputs(Graph graph, DType dtype) {
        this.graph = graph;
        this.dtype = dtype;
    }

    /** A new data input; {@link Shape#BATCH} may appear in {@code dims}. */
    public Node input(String name, int... dims) {
        return graph.input(TrainingGraphNames.DATA + name, dtype, Shape.of(dims));
    }

    /** A new int64 data input (indices, generator keys). */
    public Node integerInput(String name, int... dims) {
        return graph.input(TrainingGraphNames.DATA + name, DType.I64, Shape.of(dims));
    }

    /** Reports a scalar term of the loss under {@code name}: an output of the step graph. */
    public void report(String name, Node term) {
        if (term.rank() != 0) throw new IllegalArgumentException("term '" + name + "' must be a scalar, got " + term.shape());
        if (terms.putIfAbsent(name, term) != null) throw new IllegalArgumentException("term '" + name + "' reported twice");
    }

    Map<String, Node> reportedTerms() { return terms; }

    /** A constant of the graph's float type. */
    public Node scalar(double value) { return graph.scalar(value, dtype); }

    public DType dtype() { return dtype; }
}
