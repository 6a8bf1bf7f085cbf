package io.pitaj.models.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** stopGradient is the identity in value and blocks every order of derivative (finite differences cannot see it). */
class StopGradientTest {
    private final Graph g = new Graph();
    private final Node x = g.input("x", DType.F64, Shape.BATCH, 3);
    private final Node w = g.input("w", DType.F64, Shape.BATCH, 3);
    private final Random rnd = new Random(7);
    private final Map<String, Tensor> point =
            Map.of("x", RandomTensors.gaussian(rnd, 4, 3), "w", RandomTensors.gaussian(rnd, 4, 3));

    @Test
    void valueIsTheIdentityAndAFullyBlockedPathHasZeroGradient() {
        Node f = w.mul(x.stopGradient().exp()).sumAll();
        Node plain = w.mul(x.exp()).sumAll();
        List<Tensor> out = Interpreter.run(List.of(f, plain, Autodiff.grad(f, List.of(x)).get(0)), point);
        assertEquals(out.get(1).item(), out.get(0).item());
        assertEquals(List.of(4, 3), List.of(out.get(2).shape()[0], out.get(2).shape()[1]));
        assertTrue(out.get(2).isAll(0), "no gradient through stopGradient");
    }

    @Test
    void partlyBlockedPathDifferentiatesOnlyTheOpenBranchAndItsDerivativeIsExactlyZero() {
        Node f = w.mul(x.mul(x.stopGradient())).sumAll(); // gradient w⊙x, not 2·w⊙x
        Node grad = Autodiff.grad(f, List.of(x)).get(0);
        Node hessianOfProbe = Autodiff.grad(grad.mul(w).sumAll(), List.of(x)).get(0);
        List<Tensor> out = Interpreter.run(List.of(grad, hessianOfProbe), point);
        assertEquals(Tensor.zip(point.get("w"), point.get("x"), (a, b) -> a * b), out.get(0));
        assertTrue(out.get(1).isAll(0), "the gradient w⊙stopGradient(x) is constant in x");
    }
}
