package io.pitaj.models.train;

import io.pitaj.models.graph.Node;
import io.pitaj.models.nn.BoundParameters;

/** Builds a scalar loss from the parameters (bound as graph inputs) and the data inputs it declares. */
@FunctionalInterface
public interface LossFunction {
    Node build(BoundParameters params, DataInputs data);
}
