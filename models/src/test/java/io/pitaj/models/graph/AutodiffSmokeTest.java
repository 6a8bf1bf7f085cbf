package io.pitaj.models.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Second-order reverse mode through matmul, tanh, batch-mean and broadcasting, against finite differences. */
class AutodiffSmokeTest {
    @Test
    void hessianVectorProductOfSmallNetworkMatchesFiniteDifferences() {
        Graph g = new Graph();
        Node x = g.input("x", DType.F64, Shape.BATCH, 3);
        Node w = g.input("w", DType.F64, 3, 2);
        Node b = g.input("b", DType.F64, 2);
        Node u = x.matmul(w).add(b).tanh().square().sum(1).mean(0); // scalar
        Node gw = Autodiff.grad(u, List.of(w)).get(0);
        Node v = g.input("v", DType.F64, 3, 2);
        Node hv = Autodiff.grad(gw.mul(v).sumAll(), List.of(x, w)).get(1); // H_ww · v

        Random rnd = new Random(1);
        Tensor xv = rand(rnd, 5, 3), wv = rand(rnd, 3, 2), bv = rand(rnd, 2), vv = rand(rnd, 3, 2);
        Tensor hvv = Interpreter.run(List.of(hv), Map.of("x", xv, "w", wv, "b", bv, "v", vv)).get(0);
        double h = 1e-6;
        for (int k = 0; k < 6; k++) {
            Tensor wp = shifted(wv, vv, h), wm = shifted(wv, vv, -h);
            double gp = Interpreter.run(List.of(gw), Map.of("x", xv, "w", wp, "b", bv)).get(0).data()[k];
            double gm = Interpreter.run(List.of(gw), Map.of("x", xv, "w", wm, "b", bv)).get(0).data()[k];
            assertEquals((gp - gm) / (2 * h), hvv.data()[k], 1e-7);
        }
    }

    private static Tensor shifted(Tensor a, Tensor dir, double h) {
        return Tensor.zip(a, dir, (p, q) -> p + h * q);
    }

    private static Tensor rand(Random rnd, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) t.data()[i] = rnd.nextGaussian();
        return t;
    }
}
