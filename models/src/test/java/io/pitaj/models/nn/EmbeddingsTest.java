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
import org.junit.jupiter.api.Test;

class EmbeddingsTest {
    private static final int N = 3;

    @Test
    void timestepEmbeddingIsCosinesThenSinesOfGeometricFrequencies() {
        Graph g = new Graph();
        Node t = g.input("t", DType.F64, Shape.BATCH);
        Random rnd = new Random(8);
        Tensor tv = RandomTensors.sample(RandomTensors.uniform(-2, 1), rnd, N); // c_noise = ln(σ)/4 range
        Node y = Embeddings.timestep(t);
        double[] expected = new double[N * 256];
        for (int n = 0; n < N; n++) {
            for (int i = 0; i < 128; i++) {
                double arg = tv.data()[n] * Math.exp(-Math.log(1e4) * i / 128);
                expected[n * 256 + i] = Math.cos(arg);
                expected[n * 256 + 128 + i] = Math.sin(arg);
            }
        }
        Map<String, Tensor> point = Map.of("t", tv);
        FiniteDifferences.assertClose(new Tensor(new int[] {N, 256}, expected), Interpreter.run(List.of(y), point).get(0),
                1e-15, "timestep embedding");
        FiniteDifferences.assertDerivativesOfWeightedSumMatch(Engine.INTERPRETER, y, List.of(t), point, N, rnd, FiniteDifferences.STEP,
                FiniteDifferences.TOLERANCE);
    }

    @Test
    void timestepEmbeddingOfAnyShapeAppendsTheFeatureAxis() {
        Graph g = new Graph();
        Node t = g.input("t", DType.F64, Shape.BATCH, 2);
        Tensor tv = Tensor.vector(0.5, -1, 2, 0).reshape(new int[] {2, 2});
        Tensor out = Interpreter.run(List.of(Embeddings.timestep(t, 4, 100)), Map.of("t", tv)).get(0);
        double[] expected = new double[16];
        for (int e = 0; e < 4; e++) {
            double a0 = tv.data()[e], a1 = tv.data()[e] * Math.exp(-Math.log(100) / 2);
            System.arraycopy(new double[] {Math.cos(a0), Math.cos(a1), Math.sin(a0), Math.sin(a1)}, 0, expected, 4 * e, 4);
        }
        FiniteDifferences.assertClose(new Tensor(new int[] {2, 2, 4}, expected), out, 1e-15, "[N,2] → [N,2,4]");
    }

    @Test
    void fourierFeaturesAreCosinesThenSinesOfProjections() {
        Graph g = new Graph();
        Node x = g.input("x", DType.F64, Shape.BATCH, 3);
        Random rnd = new Random(9);
        Tensor b = RandomTensors.gaussian(rnd, 3, 4), xv = RandomTensors.gaussian(rnd, N, 3);
        Node y = Embeddings.fourierFeatures(x, b);
        double[] expected = new double[N * 8];
        for (int n = 0; n < N; n++) {
            for (int m = 0; m < 4; m++) {
                double arg = 0;
                for (int d = 0; d < 3; d++) arg += xv.data()[n * 3 + d] * b.data()[d * 4 + m];
                expected[n * 8 + m] = Math.cos(arg);
                expected[n * 8 + 4 + m] = Math.sin(arg);
            }
        }
        Map<String, Tensor> point = Map.of("x", xv);
        FiniteDifferences.assertClose(new Tensor(new int[] {N, 8}, expected), Interpreter.run(List.of(y), point).get(0),
                1e-14, "Fourier features");
        FiniteDifferences.assertDerivativesOfWeightedSumMatch(Engine.INTERPRETER, y, List.of(x), point, N, rnd, FiniteDifferences.STEP,
                FiniteDifferences.TOLERANCE);
    }
}
