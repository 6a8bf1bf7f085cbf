package io.pitaj.models.train;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Shape;

/**
 * Declares the data inputs of a training-step graph while its loss is being built; each is named
 * {@code data/<name>} and has the graph's float type. A loss asks for what it needs, so the list of data inputs
 * cannot drift from the loss.
 */
public final class DataInputs {
    private final Graph graph;
    private final DType dtype;

    DataInputs(Graph graph, DType dtype) {
        this.graph = graph;
        this.dtype = dtype;
    }

    /** A new data input; {@link Shape#BATCH} may appear in {@code dims}. */
    public Node input(String name, int... dims) {
        return graph.input(TrainingGraphNames.DATA + name, dtype, Shape.of(dims));
    }

    public DType dtype() { return dtype; }
}
