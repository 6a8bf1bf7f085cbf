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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LayerNormTest {
    private static final int C = 5;

    /** Rows of length C normalised with the biased variance, then scaled and shifted (null: 1 and 0). */
    private static Tensor reference(Tensor x, double eps, Tensor weight, Tensor bias) {
        double[] out = new double[x.size()];
        for (int r = 0; r < x.size() / C; r++) {
            double mean = 0, var = 0;
            for (int c = 0; c < C; c++) mean += x.data()[r * C + c] / C;
            for (int c = 0; c < C; c++) var += Math.pow(x.data()[r * C + c] - mean, 2) / C;
            for (int c = 0; c < C; c++) {
                double y = (x.data()[r * C + c] - mean) / Math.sqrt(var + eps);
                out[r * C + c] = y * (weight == null ? 1 : weight.data()[c]) + (bias == null ? 0 : bias.data()[c]);
            }
        }
        return new Tensor(x.shape(), out);
    }

    @ParameterizedTest(name = "weight={0} bias={1} eps={2}")
    @CsvSource({"false,false,1e-5", "true,false,1e-5", "true,true,1e-5", "true,true,0.5"})
    void matchesDirectComputationAndFiniteDifferences(boolean withWeight, boolean withBias, double eps) {
        Graph g = new Graph();
        Random rnd = new Random(17);
        Node x = g.input("x", DType.F64, Shape.BATCH, 3, C);
        Map<String, Tensor> point = new HashMap<>(Map.of("x", RandomTensors.gaussian(rnd, 2, 3, C)));
        List<Node> wrt = new ArrayList<>(List.of(x));
        Node weight = withWeight ? g.input("weight", DType.F64, C) : null;
        Node bias = withBias ? g.input("bias", DType.F64, C) : null;
        if (withWeight) {
            point.put("weight", RandomTensors.gaussian(rnd, C));
            wrt.add(weight);
        }
        if (withBias) {
            point.put("bias", RandomTensors.gaussian(rnd, C));
            wrt.add(bias);
        }
        Node y = LayerNorm.apply(x, eps, weight, bias);
        // ONNX holds epsilon as a float32 attribute, and the op uses that rounded value everywhere
        Tensor expected = reference(point.get("x"), (float) eps, point.get("weight"), point.get("bias"));
        FiniteDifferences.assertClose(expected, Interpreter.run(List.of(y), point).get(0), 1e-14, "layer norm");
        FiniteDifferences.assertDerivativesOfWeightedSumMatch(Engine.INTERPRETER, y, wrt, point, 2, rnd, FiniteDifferences.STEP,
                FiniteDifferences.TOLERANCE);
    }
}
