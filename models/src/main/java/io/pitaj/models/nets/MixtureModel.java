package io.pitaj.models.nets;

import io.pitaj.models.graph.Autodiff;
import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.NamedGraph;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.targets.GaussianMixture;
import io.pitaj.models.targets.SymmetricEigen;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact model of a Gaussian mixture: its VE-noised density p_t = Σ_k w_k·N(μ_k, Σ_k + h(t)·I) is closed-form,
 * so U = −log p_t (normalised) and s = ∇ log p_t stand in for a trained energy and score network. The graphs have
 * the names, dtypes and shapes of {@link SmcStepGraph} and {@link InferenceGraphs} for an MLP system of d coordinates (x
 * float64 [N, d], t float64 [N], no β, probe [P, N, d]) and are exported and run by ONNX Runtime exactly where
 * trained networks would be, so a sampler treats both alike and the sampler's own error can be measured apart
 * from the networks'.
 *
 * <p>With Σ_k = V_k·diag(λ_k)·V_kᵀ decomposed on the host, one MatMul of x against all V_k side by side gives the
 * projections z_ki = v_kiᵀ(x − μ_k); then (x − μ_k)ᵀ(Σ_k + hI)⁻¹(x − μ_k) = Σ_i z_ki²/(λ_ki + h) and
 * log det(Σ_k + hI) = Σ_i log(λ_ki + h) are element-wise ops and a reduction, and the components meet in a
 * log-sum-exp shifted by its stop-gradient'd row maximum (the shift cancels in value, so every derivative is exact).
 * The score, ∂U/∂t (through h(t)) and the divergence are the graph engine's derivatives of U, built in float64.
 */
public final class MixtureModel {
    private MixtureModel() {}

    /**
     * The counterpart of {@link SmcStepGraph#build}: outputs {@value SmcStepGraph#SCORE} [N, d],
     * {@value SmcStepGraph#DIVERGENCE} [N], {@value SmcStepGraph#ENERGY} [N], {@value SmcStepGraph#ENERGY_GRAD}
     * [N, d] and {@value SmcStepGraph#ENERGY_DT} [N]; score and energy only for {@link DivergenceMode.None}; input
     * {@value SmcStepGraph#PROBE} [P, N, d] for {@link DivergenceMode.Hutchinson}.
     */
    public static NamedGraph smcStep(GaussianMixture mixture, NoiseSchedule schedule, DivergenceMode mode) {
        Graph g = new Graph();
        SmcStepGraph.Inputs in = inputs(g, mixture, schedule);
        Node u = energy(mixture, in.x(), in.h());
        List<Node> d = Autodiff.grad(u.sumAll(), List.of(in.x(), in.t()));
        Node score = d.get(0).neg();
        boolean derivatives = !(mode instanceof DivergenceMode.None);
        Map<String, Node> out = new LinkedHashMap<>();
        out.put(SmcStepGraph.SCORE, score);
        if (derivatives) out.put(SmcStepGraph.DIVERGENCE, SmcStepGraph.divergence(score, in.x(), mode));
        out.put(SmcStepGraph.ENERGY, u);
        if (derivatives) {
            out.put(SmcStepGraph.ENERGY_GRAD, d.get(0));
            out.put(SmcStepGraph.ENERGY_DT, d.get(1));
        }
        return new NamedGraph(g, out);
    }

    /** The counterpart of {@link InferenceGraphs#score}: s [N, d] and the denoiser D = x + h·s [N, d]. */
    public static NamedGraph score(GaussianMixture mixture, NoiseSchedule schedule) {
        Graph g = new Graph();
        SmcStepGraph.Inputs in = inputs(g, mixture, schedule);
        Node s = EnergyModel.gradient(energy(mixture, in.x(), in.h()), in.x()).neg();
        Map<String, Node> out = new LinkedHashMap<>();
        out.put(SmcStepGraph.SCORE, s);
        out.put(InferenceGraphs.DENOISER, in.x().add(Preconditioning.perSample(in.h(), in.x()).mul(s)));
        return new NamedGraph(g, out);
    }

    /** The counterpart of {@link InferenceGraphs#energy}: U [N] and ∇ₓU [N, d]. */
    public static NamedGraph energy(GaussianMixture mixture, NoiseSchedule schedule) {
        Graph g = new Graph();
        SmcStepGraph.Inputs in = inputs(g, mixture, schedule);
        Node u = energy(mixture, in.x(), in.h());
        Map<String, Node> out = new LinkedHashMap<>();
        out.put(SmcStepGraph.ENERGY, u);
        out.put(SmcStepGraph.ENERGY_GRAD, EnergyModel.gradient(u, in.x()));
        return new NamedGraph(g, out);
    }

    /** U = −log p_h(x) [N] for float64 x [N, d] and variances h [N], in x's graph. */
    public static Node energy(GaussianMixture mixture, Node x, Node h) {
        int k = mixture.components(), d = mixture.dimension();
        if (x.rank() != 2 || x.shape().dim(1) != d) throw new IllegalArgumentException("x must be [N, " + d + "], got " + x.shape());
        double[] projection = new double[d * k * d], offsets = new double[k * d], lambdas = new double[k * d], logWeights = new double[k];
        double[] w = mixture.weights();
        for (int c = 0; c < k; c++) {
            SymmetricEigen e = mixture.eigen(c);
            double[][] v = e.vectors();
            double[] mu = mixture.mean(c);
            System.arraycopy(e.values(), 0, lambdas, c * d, d);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    projection[j * k * d + c * d + i] = v[i][j];
                    offsets[c * d + i] += v[i][j] * mu[j];
                }
            }
            logWeights[c] = Math.log(w[c]) - 0.5 * d * Math.log(2 * Math.PI);
        }
        Graph g = x.graph();
        Node z = x.matmul(g.constant(new Tensor(new int[] {d, k * d}, projection), DType.F64))
                .reshape(Shape.BATCH, k, d)
                .sub(g.constant(new Tensor(new int[] {k, d}, offsets), DType.F64));
        Node variance = h.reshape(Shape.BATCH, 1, 1).add(g.constant(new Tensor(new int[] {k, d}, lambdas), DType.F64));
        Node logTerms = z.square().div(variance).add(variance.log()).sum(2).mul(-0.5)
                .add(g.constant(Tensor.vector(logWeights), DType.F64));
        Node shift = logTerms.reduceMaxKeep(1).stopGradient();
        return logTerms.sub(shift).exp().sum(1).log().add(shift.reshape(Shape.BATCH)).neg();
    }

    private static SmcStepGraph.Inputs inputs(Graph g, GaussianMixture mixture, NoiseSchedule schedule) {
        return SmcStepGraph.Inputs.declare(g, new int[] {mixture.dimension()}, false, schedule);
    }
}
