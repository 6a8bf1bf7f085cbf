package io.pitaj.models.nets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.NamedGraph;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.OrtEngine;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.graph.ops.Input;
import io.pitaj.models.targets.GaussianMixture;
import io.pitaj.models.targets.TestMixtures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact mixture model run by ONNX Runtime (CPU) against the host's closed form
 * ({@link GaussianMixture#noisedLogDensity}): score, energy and denoiser directly, ∂U/∂t against a central difference
 * in t, the exact divergence against the trace of a finite-difference Jacobian of the host score, and Hutchinson's
 * average over many Rademacher probes against that trace — at times from the data end (t = 0) to the noise end.
 */
class MixtureModelTest {
    private static final NoiseSchedule SCHEDULE = NoiseSchedule.edm(0.01);
    /** Data end, small noise, the middle, large noise, the noise end: h from 1e-4 to 6400. */
    private static final double[] TIMES = {0, 0.05, 0.4, 0.8, 1};
    private static final int PER_TIME = 2;
    private static final int PROBES = 4000;
    private static final OrtEngine ORT = new OrtEngine();

    @AfterAll
    static void close() { ORT.close(); }

    static Stream<GaussianMixture> mixtures() { return Stream.of(GaussianMixture.mog4(), TestMixtures.threeD()); }

    /** Points spread over the modes and, at large t, over the noise scale σ(t); each row with its own t. */
    private static Map<String, Tensor> batch(int d, SplittableRandom rng) {
        int n = TIMES.length * PER_TIME;
        double[] x = new double[n * d], t = new double[n];
        for (int r = 0; r < n; r++) {
            t[r] = TIMES[r / PER_TIME];
            double scale = 3 + SCHEDULE.sigma(t[r]);
            for (int j = 0; j < d; j++) x[r * d + j] = rng.nextDouble(-scale, scale);
        }
        Map<String, Tensor> in = new HashMap<>();
        in.put(SmcStepGraph.X, new Tensor(new int[] {n, d}, x));
        in.put(SmcStepGraph.T, Tensor.vector(t));
        return in;
    }

    private static double[] row(Tensor x, int r, int d) {
        double[] v = new double[d];
        System.arraycopy(x.data(), r * d, v, 0, d);
        return v;
    }

    private static double hostEnergy(GaussianMixture m, double[] x, double t) {
        return -m.noisedLogDensity(x, SCHEDULE.variance(t), null);
    }

    private static double[] hostScore(GaussianMixture m, double[] x, double t) {
        double[] s = new double[x.length];
        m.noisedLogDensity(x, SCHEDULE.variance(t), s);
        return s;
    }

    /** ∂s/∂x by central differences of the host score, step scaled with the noise. */
    private static double[][] hostJacobian(GaussianMixture m, double[] x, double t) {
        int d = x.length;
        double step = 1e-5 * (1 + SCHEDULE.sigma(t));
        double[][] jac = new double[d][d];
        for (int j = 0; j < d; j++) {
            double[] plus = x.clone(), minus = x.clone();
            plus[j] += step;
            minus[j] -= step;
            double[] sp = hostScore(m, plus, t), sm = hostScore(m, minus, t);
            for (int i = 0; i < d; i++) jac[i][j] = (sp[i] - sm[i]) / (2 * step);
        }
        return jac;
    }

    private static Map<String, Tensor> outputs(NamedGraph g, Map<String, Tensor> in) {
        List<Tensor> values = ORT.run(g.outputNodes(), in);
        Map<String, Tensor> out = new HashMap<>();
        for (int i = 0; i < values.size(); i++) out.put(g.outputNames().get(i), values.get(i));
        return out;
    }

    private static void close(double expected, double actual, double tol, String what) {
        assertEquals(expected, actual, tol * Math.max(1, Math.abs(expected)), what);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mixtures")
    void exactSmcStepMatchesTheHostClosedForm(GaussianMixture m) {
        int d = m.dimension();
        Map<String, Tensor> in = batch(d, new SplittableRandom(1));
        Map<String, Tensor> out = outputs(MixtureModel.smcStep(m, SCHEDULE, DivergenceMode.exact(2)), in);
        Tensor x = in.get(SmcStepGraph.X);
        for (int r = 0; r < x.dim(0); r++) {
            double t = in.get(SmcStepGraph.T).data()[r];
            double[] xr = row(x, r, d), s = hostScore(m, xr, t);
            String at = m.name() + " row " + r + " t " + t;
            close(hostEnergy(m, xr, t), out.get(SmcStepGraph.ENERGY).data()[r], 1e-12, "U " + at);
            for (int j = 0; j < d; j++) {
                close(s[j], out.get(SmcStepGraph.SCORE).data()[r * d + j], 1e-10, "s " + at);
                close(-s[j], out.get(SmcStepGraph.ENERGY_GRAD).data()[r * d + j], 1e-10, "∇U " + at);
            }
            double dt = 1e-6;
            double numeric = (hostEnergy(m, xr, t + dt) - hostEnergy(m, xr, t - dt)) / (2 * dt);
            close(numeric, out.get(SmcStepGraph.ENERGY_DT).data()[r], 1e-6, "∂U/∂t " + at);
            double[][] jac = hostJacobian(m, xr, t);
            double trace = 0;
            for (int i = 0; i < d; i++) trace += jac[i][i];
            close(trace, out.get(SmcStepGraph.DIVERGENCE).data()[r], 1e-6, "∇·s " + at);
        }
    }

    /**
     * Rademacher probes: the estimate vᵀJv of a symmetric J has variance 2·Σ_{i≠j} J_ij², so the average over P
     * probes must be within 5 standard errors of the trace.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mixtures")
    void hutchinsonAveragesToTheExactDivergence(GaussianMixture m) {
        int d = m.dimension();
        Map<String, Tensor> in = batch(d, new SplittableRandom(2));
        int n = in.get(SmcStepGraph.T).size();
        SplittableRandom rng = new SplittableRandom(3);
        double[] probes = new double[PROBES * n * d];
        for (int i = 0; i < probes.length; i++) probes[i] = rng.nextBoolean() ? 1 : -1;
        in.put(SmcStepGraph.PROBE, new Tensor(new int[] {PROBES, n, d}, probes));
        Tensor estimate = outputs(MixtureModel.smcStep(m, SCHEDULE, DivergenceMode.hutchinson(PROBES)), in).get(SmcStepGraph.DIVERGENCE);
        for (int r = 0; r < n; r++) {
            double t = in.get(SmcStepGraph.T).data()[r];
            double[][] jac = hostJacobian(m, row(in.get(SmcStepGraph.X), r, d), t);
            double trace = 0, offDiagonal = 0;
            for (int i = 0; i < d; i++) {
                trace += jac[i][i];
                for (int j = 0; j < d; j++) if (i != j) offDiagonal += jac[i][j] * jac[i][j];
            }
            double error = 5 * Math.sqrt(2 * offDiagonal / PROBES) + 1e-6 * Math.max(1, Math.abs(trace));
            assertEquals(trace, estimate.data()[r], error, m.name() + " row " + r + " t " + t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mixtures")
    void scoreAndEnergyGraphsMatchTheHost(GaussianMixture m) {
        int d = m.dimension();
        Map<String, Tensor> in = batch(d, new SplittableRandom(4));
        Map<String, Tensor> score = outputs(MixtureModel.score(m, SCHEDULE), in);
        Map<String, Tensor> energy = outputs(MixtureModel.energy(m, SCHEDULE), in);
        Tensor x = in.get(SmcStepGraph.X);
        for (int r = 0; r < x.dim(0); r++) {
            double t = in.get(SmcStepGraph.T).data()[r], h = SCHEDULE.variance(t);
            double[] xr = row(x, r, d), s = hostScore(m, xr, t);
            close(hostEnergy(m, xr, t), energy.get(SmcStepGraph.ENERGY).data()[r], 1e-12, "U");
            for (int j = 0; j < d; j++) {
                close(s[j], score.get(SmcStepGraph.SCORE).data()[r * d + j], 1e-10, "s");
                close(xr[j] + h * s[j], score.get(InferenceGraphs.DENOISER).data()[r * d + j], 1e-10, "D");
                close(-s[j], energy.get(SmcStepGraph.ENERGY_GRAD).data()[r * d + j], 1e-10, "∇U");
            }
        }
    }

    /** As σ_min → 0 the model at t = 0 becomes the target: U_h − E = O(h). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mixtures")
    void atVanishingNoiseTheModelEnergyIsTheTargetEnergy(GaussianMixture m) {
        NoiseSchedule tiny = NoiseSchedule.edm(1e-4); // h(0) = 1e-8
        int d = m.dimension(), n = 8;
        double[] x = new double[n * d];
        SplittableRandom rng = new SplittableRandom(5);
        for (int r = 0; r < n; r++) m.drawSample(rng, x, r * d);
        Map<String, Tensor> in = Map.of(SmcStepGraph.X, new Tensor(new int[] {n, d}, x), SmcStepGraph.T, Tensor.filled(0, n));
        NamedGraph g = MixtureModel.energy(m, tiny);
        Tensor u = outputs(g, in).get(SmcStepGraph.ENERGY);
        double[] e = m.energies(x, n, new double[n], null);
        for (int r = 0; r < n; r++) close(e[r], u.data()[r], 1e-6, m.name() + " sample " + r);
    }

    /** What a sampler sees is what it sees for an MLP model pair of the same dimension: names, dtypes, shapes. */
    @Test
    void graphsHaveTheInterfaceOfTheNetworkGraphs() {
        GaussianMixture m = GaussianMixture.mog4();
        ModelPair mlp = ModelPair.initialise(new MlpConfig(List.of(2), 8, 1, 4, false), 1, DType.F64);
        for (DivergenceMode mode : List.of(DivergenceMode.none(), DivergenceMode.exact(1), DivergenceMode.hutchinson(3))) {
            assertSameInterface(SmcStepGraph.build(mlp, SCHEDULE, mode), MixtureModel.smcStep(m, SCHEDULE, mode));
        }
        assertSameInterface(InferenceGraphs.score(mlp, SCHEDULE), MixtureModel.score(m, SCHEDULE));
        assertSameInterface(InferenceGraphs.energy(mlp, SCHEDULE), MixtureModel.energy(m, SCHEDULE));
    }

    private static void assertSameInterface(NamedGraph network, NamedGraph exact) {
        assertEquals(signature(network), signature(exact));
    }

    private static List<String> signature(NamedGraph g) {
        List<String> s = new ArrayList<>();
        for (Node in : g.graph().inputs()) s.add("in " + ((Input) in.op()).inputName() + " " + in.dtype() + in.shape());
        g.outputs().forEach((name, node) -> s.add("out " + name + " " + node.dtype() + node.shape()));
        return s;
    }
}
