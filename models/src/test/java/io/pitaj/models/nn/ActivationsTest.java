package io.pitaj.models.nn;

import io.pitaj.models.graph.Engine;
import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.FiniteDifferences;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.Interpreter;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.RandomTensors;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ActivationsTest {
    private static void check(UnaryOperator<Node> activation, DoubleUnaryOperator reference) {
        Graph g = new Graph();
        Node x = g.input("x", DType.F64, Shape.BATCH, 5);
        Random rnd = new Random(3);
        Tensor xv = RandomTensors.sample(RandomTensors.uniform(-4, 4), rnd, 3, 5);
        Node y = activation.apply(x);
        Tensor actual = Interpreter.run(List.of(y), Map.of("x", xv)).get(0);
        FiniteDifferences.assertClose(xv.map(reference), actual, 1e-15, "value");
        FiniteDifferences.assertDerivativesOfWeightedSumMatch(Engine.INTERPRETER, y, List.of(x), Map.of("x", xv), 3, rnd,
                FiniteDifferences.STEP, FiniteDifferences.TOLERANCE);
    }

    @Test
    void silu() { check(Activations::silu, v -> v / (1 + Math.exp(-v))); }

    @Test
    void geluTanhApproximation() {
        check(Activations::gelu, v -> 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v))));
    }
}
