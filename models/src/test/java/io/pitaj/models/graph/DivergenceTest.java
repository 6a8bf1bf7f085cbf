package io.pitaj.models.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Exact divergence against a finite-difference Jacobian trace, and Hutchinson's estimator: exact on averaging over
 * all Rademacher sign patterns or over the scaled basis vectors, and unbiased with the right variance over random
 * probes. Two per-sample vector fields: an MLP on [N,4] and a pairwise (EGNN-like, gather/scatter) field on [N,3,3].
 */
class DivergenceTest {
    private static final Random RND = new Random(11);
    private static final Tensor W1 = RandomTensors.gaussian(RND, 4, 6), B1 = RandomTensors.gaussian(RND, 6),
            W2 = RandomTensors.gaussian(RND, 6, 4);

    /** f(x) = tanh(x·W1 + b1)·W2 + x⊙sin(x). */
    private static Node mlpField(Node x) {
        Graph g = x.graph();
        Node h = x.matmul(g.constant(W1, DType.F64)).add(g.constant(B1, DType.F64)).tanh();
        return h.matmul(g.constant(W2, DType.F64)).add(x.mul(x.sin()));
    }

    /** f_i = Σ_{j≠i} (x_i − x_j)·tanh(0.7·|x_i − x_j|² − 0.3) over the ordered pairs of 3 particles. */
    private static Node pairField(Node x) {
        int[] from = {0, 0, 1, 1, 2, 2}, to = {1, 2, 0, 2, 0, 1};
        Node d = x.gather(1, from).sub(x.gather(1, to));
        Node r2 = d.square().sumKeep(2);
        return d.mul(r2.mul(0.7).sub(0.3).tanh()).scatterAdd(1, 3, from);
    }

    private record Field(String name, Function<Node, Node> f, int[] sampleShape) {
        int dim() { return java.util.Arrays.stream(sampleShape).reduce(1, (a, b) -> a * b); }

        int[] batched(int n) {
            int[] s = new int[sampleShape.length + 1];
            s[0] = n;
            System.arraycopy(sampleShape, 0, s, 1, sampleShape.length);
            return s;
        }
    }

    private static final List<Field> FIELDS = List.of(new Field("mlp [N,4]", DivergenceTest::mlpField, new int[] {4}),
            new Field("pairs [N,3,3]", DivergenceTest::pairField, new int[] {3, 3}));

    /** Column i of every sample's Jacobian by central differences: entry [n, j] is ∂f_j/∂x_i at sample n. */
    private static Tensor jacobianColumn(Node f, Tensor x, int i) {
        Tensor direction = Tensor.zeros(x.shape());
        int d = x.size() / x.dim(0);
        for (int n = 0; n < x.dim(0); n++) direction.data()[n * d + i] = 1; // samples are independent
        return FiniteDifferences.directional(Engine.INTERPRETER, List.of(f), Map.of("x", x), Map.of("x", direction), FiniteDifferences.STEP)
                .get(0);
    }

    private static Node input(Field field) {
        int[] dims = field.batched(Shape.BATCH);
        return new Graph().input("x", DType.F64, dims);
    }

    @Test
    void exactDivergenceMatchesFiniteDifferenceTrace() {
        for (Field field : FIELDS) {
            Node x = input(field);
            Node f = field.f.apply(x);
            Tensor xv = RandomTensors.gaussian(RND, field.batched(5));
            double[] trace = new double[5];
            for (int i = 0; i < field.dim(); i++) {
                Tensor col = jacobianColumn(f, xv, i);
                for (int n = 0; n < 5; n++) trace[n] += col.data()[n * field.dim() + i];
            }
            Tensor exact = Interpreter.run(List.of(Autodiff.divergence(f, x, 1)), Map.of("x", xv)).get(0);
            FiniteDifferences.assertClose(Tensor.vector(trace), exact, FiniteDifferences.TOLERANCE,
                    field.name + " divergence");
        }
    }

    /** Every row holds the same point x0, so one batched run evaluates the estimator for many probes at once. */
    private static Tensor estimates(Field field, Tensor x0, Tensor probes) {
        Node x = input(field);
        Node probe = x.graph().input("v", DType.F64, x.shape());
        Node est = Autodiff.hutchinson(field.f.apply(x), x, probe);
        int count = probes.dim(0), d = field.dim();
        Tensor xs = Tensor.zeros(probes.shape());
        for (int n = 0; n < count; n++) System.arraycopy(x0.data(), 0, xs.data(), n * d, d);
        return Interpreter.run(List.of(est), Map.of("x", xs, "v", probes)).get(0);
    }

    private static double exactTrace(Field field, Tensor x0) {
        Node x = input(field);
        return Interpreter.run(List.of(Autodiff.divergence(field.f.apply(x), x, 3)), Map.of("x", x0)).get(0).item();
    }

    private static double mean(Tensor t) {
        double s = 0;
        for (double v : t.data()) s += v;
        return s / t.size();
    }

    @Test
    void hutchinsonAveragedOverAllSignPatternsIsExact() {
        for (Field field : FIELDS) {
            int d = field.dim(), count = 1 << d;
            Tensor x0 = RandomTensors.gaussian(RND, field.batched(1));
            Tensor probes = Tensor.zeros(field.batched(count));
            for (int p = 0; p < count; p++) {
                for (int i = 0; i < d; i++) probes.data()[p * d + i] = (p >> i & 1) == 0 ? 1 : -1;
            }
            assertEquals(exactTrace(field, x0), mean(estimates(field, x0, probes)), 1e-12, field.name);
        }
    }

    @Test
    void hutchinsonAveragedOverScaledBasisVectorsIsExact() {
        for (Field field : FIELDS) {
            int d = field.dim();
            Tensor x0 = RandomTensors.gaussian(RND, field.batched(1));
            Tensor probes = Tensor.zeros(field.batched(d));
            for (int i = 0; i < d; i++) probes.data()[i * d + i] = Math.sqrt(d); // E[vvᵀ] = I over the d probes
            assertEquals(exactTrace(field, x0), mean(estimates(field, x0, probes)), 1e-12, field.name);
        }
    }

    /**
     * With Rademacher v, vᵀJv = tr J + Σ_{i<j} (J_ij + J_ji)·v_i·v_j and the products are uncorrelated with unit
     * variance: the mean is tr J and the variance Σ_{i<j} (J_ij + J_ji)². Over 2000 draws the sample mean must lie
     * within 4 standard errors and the sample variance within 20% (about 6 of its standard errors) of that.
     */
    @Test
    void hutchinsonWithRandomRademacherProbesIsUnbiasedWithTheRightVariance() {
        int draws = 2000;
        for (Field field : FIELDS) {
            int d = field.dim();
            Tensor x0 = RandomTensors.gaussian(RND, field.batched(1));
            Node f = field.f.apply(input(field));
            double[][] jac = new double[d][]; // jac[i][j] = ∂f_j/∂x_i
            for (int i = 0; i < d; i++) jac[i] = jacobianColumn(f, x0, i).data();
            double trace = 0, variance = 0;
            for (int i = 0; i < d; i++) {
                trace += jac[i][i];
                for (int j = i + 1; j < d; j++) variance += Math.pow(jac[i][j] + jac[j][i], 2);
            }
            Tensor probes = Tensor.zeros(field.batched(draws));
            Random rnd = new Random(field.name.hashCode());
            for (int k = 0; k < probes.size(); k++) probes.data()[k] = rnd.nextBoolean() ? 1 : -1;
            Tensor est = estimates(field, x0, probes);
            double m = mean(est), ss = 0;
            for (double e : est.data()) ss += (e - m) * (e - m);
            double sampleVariance = ss / (draws - 1);
            assertTrue(Math.abs(m - trace) < 4 * Math.sqrt(variance / draws),
                    field.name + ": mean " + m + " vs trace " + trace + ", standard error " + Math.sqrt(variance / draws));
            assertEquals(variance, sampleVariance, 0.2 * variance, field.name + " estimator variance");
        }
    }
}
