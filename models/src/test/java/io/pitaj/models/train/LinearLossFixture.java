package io.pitaj.models.train;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.nn.Init;
import io.pitaj.models.nn.Parameter;
import io.pitaj.models.nn.ParameterSet;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A loss whose gradient is known without autodiff: L = Σ_p Σ p·c_p with a data input c_p shaped like each
 * parameter p, so ∇_p L = c_p exactly. Lets optimiser tests compare against hand-written updates on the same
 * gradient.
 */
final class LinearLossFixture {
    private LinearLossFixture() {}

    static ParameterSet parameters(long seed) {
        ParameterSet params = new ParameterSet();
        SplittableRandom rng = new SplittableRandom(seed);
        params.add("a", new int[] {2, 3}, Init.uniform(1), rng);
        params.add("b", new int[] {3}, Init.uniform(1), rng);
        return params;
    }

    static LossFunction loss(ParameterSet layout) {
        return (p, data) -> {
            Node sum = null;
            for (Parameter q : layout.parameters()) {
                Node term = p.get(q.name()).mul(data.input(coefficientName(q), q.shape())).sumAll();
                sum = sum == null ? term : sum.add(term);
            }
            return sum;
        };
    }

    static String coefficientName(Parameter p) { return "c_" + p.name(); }

    /** Random gradient coefficients, each entry in ±scale, as a batch keyed by data name. */
    static Map<String, Tensor> coefficients(ParameterSet layout, double scale, SplittableRandom rng) {
        Map<String, Tensor> batch = new HashMap<>();
        for (Parameter p : layout.parameters()) {
            Tensor c = Tensor.zeros(p.shape());
            for (int i = 0; i < c.size(); i++) c.data()[i] = rng.nextDouble(-scale, scale);
            batch.put(coefficientName(p), c);
        }
        return batch;
    }

    /** The batch's coefficients concatenated in parameter order: the flat gradient. */
    static double[] flatGradient(ParameterSet layout, Map<String, Tensor> batch) {
        double[] g = new double[layout.count()];
        int o = 0;
        for (Parameter p : layout.parameters()) {
            double[] c = batch.get(coefficientName(p)).data();
            System.arraycopy(c, 0, g, o, c.length);
            o += c.length;
        }
        return g;
    }
}
