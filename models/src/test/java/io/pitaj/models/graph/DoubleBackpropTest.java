package io.pitaj.models.graph;

import io.pitaj.models.nn.Activations;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The shape of PITA's energy-distillation loss: a parameter gradient of a loss that contains ∇ₓU. For a small
 * MLP energy U(x; θ), L(θ) = mean_n ‖x_n − h·∇ₓU(x_n)‖², and ∂L/∂θ (second order in U) and its Hessian-vector
 * products in θ (third order) must match finite differences in θ.
 */
class DoubleBackpropTest {
    private static void check(UnaryOperator<Node> activation, long seed) {
        Graph g = new Graph();
        Node x = g.input("x", DType.F64, Shape.BATCH, 3);
        Node w1 = g.input("w1", DType.F64, 3, 5), b1 = g.input("b1", DType.F64, 5);
        Node w2 = g.input("w2", DType.F64, 5, 1);
        Node energy = activation.apply(x.matmul(w1).add(b1)).matmul(w2).sum(1); // [N]
        Node gradX = Autodiff.grad(energy.sumAll(), List.of(x)).get(0); // per-sample ∇ₓU: samples are independent
        Node loss = x.sub(gradX.mul(0.1)).square().sum(1).mean(0);

        Random rnd = new Random(seed);
        Map<String, Tensor> point = Map.of("x", RandomTensors.gaussian(rnd, 4, 3), "w1", RandomTensors.gaussian(rnd, 3, 5),
                "b1", RandomTensors.gaussian(rnd, 5), "w2", RandomTensors.gaussian(rnd, 5, 1));
        FiniteDifferences.assertDerivativesMatch(loss, List.of(w1, b1, w2), point, rnd);
    }

    @Test
    void tanhEnergy() { check(Node::tanh, 1); }

    @Test
    void siluEnergy() { check(Activations::silu, 2); }
}
