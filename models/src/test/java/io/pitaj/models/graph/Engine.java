package io.pitaj.models.graph;

import java.util.List;
import java.util.Map;

/** Evaluates graph outputs from named inputs: how a test computes every value it compares. */
@FunctionalInterface
public interface Engine {
    Engine INTERPRETER = Interpreter::run;

    List<Tensor> run(List<Node> outputs, Map<String, Tensor> inputs);
}
