package io.pitaj.models.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoftmaxTest {
    /** Softmax of a [B,3,4] array along axis 1 or 2, by loops. */
    private static Tensor reference(Tensor x, int axis) {
        int[] s = x.shape();
        double[] out = new double[x.size()];
        int stride = axis == 1 ? s[2] : 1, len = s[axis];
        for (int b = 0; b < s[0]; b++) {
            for (int other = 0; other < (axis == 1 ? s[2] : s[1]); other++) {
                int base = b * s[1] * s[2] + (axis == 1 ? other : other * s[2]);
                double total = 0;
                for (int i = 0; i < len; i++) total += Math.exp(x.data()[base + i * stride]);
                for (int i = 0; i < len; i++) out[base + i * stride] = Math.exp(x.data()[base + i * stride]) / total;
            }
        }
        return new Tensor(s, out);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, -1})
    void matchesDirectComputationAndFiniteDifferences(int axis) {
        Graph g = new Graph();
        Node x = g.input("x", DType.F64, Shape.BATCH, 3, 4);
        Random rnd = new Random(axis + 10);
        Tensor xv = RandomTensors.gaussian(rnd, 2, 3, 4);
        Node y = Softmax.softmax(x, axis);
        Tensor expected = reference(xv, axis < 0 ? axis + 3 : axis);
        FiniteDifferences.assertClose(expected, Interpreter.run(List.of(y), Map.of("x", xv)).get(0), 1e-15, "softmax");
        FiniteDifferences.assertDerivativesOfWeightedSumMatch(Engine.INTERPRETER, y, List.of(x), Map.of("x", xv), 2, rnd,
                FiniteDifferences.STEP, FiniteDifferences.TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1000, -1000})
    void largeInputsNeitherOverflowNorUnderflow(double shift) {
        Graph g = new Graph();
        Node x = g.input("x", DType.F64, Shape.BATCH, 3, 4);
        Tensor xv = RandomTensors.gaussian(new Random(5), 2, 3, 4);
        Tensor out = Interpreter.run(List.of(Softmax.softmax(x, -1)), Map.of("x", xv.map(v -> v + shift))).get(0);
        for (double v : out.data()) assertTrue(Double.isFinite(v) && v > 0, "softmax value " + v);
        FiniteDifferences.assertClose(reference(xv, 2), out, 1e-12, "softmax is shift-invariant");
    }
}
