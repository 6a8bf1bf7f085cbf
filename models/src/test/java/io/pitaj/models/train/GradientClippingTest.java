package io.pitaj.models.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.Interpreter;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradientClippingTest {
    private static final double MAX_NORM = 0.5;

    @Test
    void largeGradientsAreScaledToTheMaximumNorm() {
        double[] a = {0.3, -1.2, 0.7, 2.0}, b = {-0.4, 0.1, 0.9}, scalar = {-0.6};
        double[] clipped = check(a, b, scalar);
        double sq = 0;
        for (double g : clipped) sq += g * g;
        assertEquals(MAX_NORM, Math.sqrt(sq), 1e-6, "PyTorch's +1e-6 leaves the clipped norm a hair under the limit");
    }

    @Test
    void smallGradientsPassUnchanged() {
        double[] a = {0.01, -0.2, 0.07, 0.1}, b = {-0.04, 0.1, 0.09}, scalar = {0.05};
        double[] clipped = check(a, b, scalar);
        assertArrayEquals(concat(a, b, scalar), clipped, 0.0);
    }

    @Test
    void zeroGradientsStayZero() {
        assertArrayEquals(new double[8], check(new double[4], new double[3], new double[1]), 0.0);
    }

    /** Graph norm and clipped values against the direct formula; returns the clipped values concatenated. */
    private static double[] check(double[] a, double[] b, double[] scalar) {
        Graph g = new Graph();
        Node ga = g.input("a", DType.F64, 2, 2), gb = g.input("b", DType.F64, 3), gs = g.input("s", DType.F64);
        Node norm = GradientClipping.globalNorm(List.of(ga, gb, gs));
        Node factor = GradientClipping.clipFactor(norm, MAX_NORM);
        List<Tensor> out = Interpreter.run(List.of(norm, ga.mul(factor), gb.mul(factor), gs.mul(factor)),
                Map.of("a", new Tensor(new int[] {2, 2}, a), "b", Tensor.vector(b), "s", Tensor.scalar(scalar[0])));

        double[] all = concat(a, b, scalar);
        double sq = 0;
        for (double x : all) sq += x * x;
        double expectedNorm = Math.sqrt(sq);
        double expectedFactor = Math.min(1, MAX_NORM / (expectedNorm + 1e-6));
        assertEquals(expectedNorm, out.get(0).item(), 1e-15);
        double[] clipped = concat(out.get(1).data(), out.get(2).data(), out.get(3).data());
        for (int i = 0; i < all.length; i++) assertEquals(all[i] * expectedFactor, clipped[i], 1e-15);
        return clipped;
    }

    private static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) n += p.length;
        double[] out = new double[n];
        int o = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }
}
