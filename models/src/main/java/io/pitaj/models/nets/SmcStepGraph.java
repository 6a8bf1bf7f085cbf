package io.pitaj.models.nets;

import io.pitaj.models.graph.Autodiff;
import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.NamedGraph;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one Feynman–Kac SMC step needs from a model pair, for a chunk of particles each at its own diffusion time,
 * as one graph (pita-algorithm.md §1.8.3): the score s_θ, its divergence ∇ₓ·s_θ, the energy U_φ, ∇ₓU_φ and ∂U_φ/∂t.
 * The time enters as t and the schedule's h(t) is built inside the graph, so ∂U/∂t is differentiated through h(t) and
 * every c(h) factor; since particles are independent, the derivatives of the batch sums are per particle.
 *
 * <p>Inputs (float64): {@value #X} [N, sample dims], {@value #T} [N], {@value #BETA} [N] for a β-conditioned
 * backbone, and for Hutchinson's divergence {@value #PROBE} [P, N, sample dims]. Outputs (float64): {@value #SCORE},
 * {@value #DIVERGENCE} [N], {@value #ENERGY} [N], {@value #ENERGY_GRAD} (x's shape), {@value #ENERGY_DT} [N]; a
 * {@link DivergenceMode.None} graph has only the score and the energy. The weights are baked in as constants.
 */
public final class SmcStepGraph {
    public static final String X = "x", T = "t", BETA = "beta", PROBE = "probe";
    public static final String SCORE = "score", DIVERGENCE = "divergence", ENERGY = "energy", ENERGY_GRAD = "energy_grad",
            ENERGY_DT = "energy_dt";

    private SmcStepGraph() {}

    /** The inputs every sampling graph shares: x, t and (when conditioned) β in float64, and h(t) from the schedule. */
    record Inputs(Node x, Node t, Node beta, Node h) {
        static Inputs declare(Graph g, BackboneConfig config, NoiseSchedule schedule) {
            return declare(g, config.sampleShape(), config.betaConditioned(), schedule);
        }

        /** For models without a backbone (the exact mixture model): the same names, dtypes and shapes. */
        static Inputs declare(Graph g, int[] sample, boolean betaConditioned, NoiseSchedule schedule) {
            int[] xShape = new int[sample.length + 1];
            xShape[0] = Shape.BATCH;
            System.arraycopy(sample, 0, xShape, 1, sample.length);
            Node x = g.input(X, DType.F64, xShape);
            Node t = g.input(T, DType.F64, Shape.BATCH);
            Node beta = betaConditioned ? g.input(BETA, DType.F64, Shape.BATCH) : null;
            return new Inputs(x, t, beta, schedule.variance(t));
        }
    }

    public static NamedGraph build(ModelPair models, NoiseSchedule schedule, DivergenceMode mode) {
        Graph g = new Graph();
        Inputs in = Inputs.declare(g, models.backbone().config(), schedule);
        Node x = in.x(), t = in.t(), beta = in.beta(), h = in.h();

        BackboneCall scoreCall = models.call(models.score().bindAsConstants(g, models.network()), x, h, beta);
        BackboneCall energyCall = models.call(models.energy().bindAsConstants(g, models.network()), x, h, beta);
        Node energy = EnergyModel.energy(energyCall);
        Map<String, Node> out = new LinkedHashMap<>();
        out.put(SCORE, ScoreModel.score(scoreCall));
        if (!(mode instanceof DivergenceMode.None)) {
            out.put(DIVERGENCE, ScoreModel.divergence(scoreCall, divergence(scoreCall.f(), scoreCall.y(), mode)));
        }
        out.put(ENERGY, energy);
        if (!(mode instanceof DivergenceMode.None)) {
            List<Node> d = Autodiff.grad(energy.sumAll(), List.of(x, t));
            out.put(ENERGY_GRAD, d.get(0));
            out.put(ENERGY_DT, d.get(1));
        }
        return new NamedGraph(g, out);
    }

    /**
     * ∇_y·f per sample — the backbone's at y = c_in·x, or an exact model's score at x — exact, or by Hutchinson with
     * the float64 {@value #PROBE} input [P] + y's shape (cast to y's element type); not for {@link DivergenceMode.None}.
     */
    static Node divergence(Node f, Node y, DivergenceMode mode) {
        if (mode instanceof DivergenceMode.Exact exact) return Autodiff.divergence(f, y, exact.perPass());
        int probes = ((DivergenceMode.Hutchinson) mode).probes();
        int[] probeShape = new int[y.rank() + 1];
        probeShape[0] = probes;
        for (int i = 0; i < y.rank(); i++) probeShape[i + 1] = y.shape().dim(i);
        Node probe = y.graph().input(PROBE, DType.F64, probeShape).cast(y.dtype());
        return Autodiff.hutchinson(f, y, probe);
    }
}
