package io.pitaj.models.nets;

import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.NamedGraph;
import io.pitaj.models.graph.Node;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The single-network graphs of a model artifact, with the weights baked in and the inputs of
 * {@link SmcStepGraph} (float64 {@value SmcStepGraph#X} [N, sample dims], {@value SmcStepGraph#T} [N] and, when
 * conditioned, {@value SmcStepGraph#BETA} [N]; h = h(t) inside): what a sampler or an external tool needs from one
 * network without the divergence.
 */
public final class InferenceGraphs {
    public static final String DENOISER = "denoiser";

    private InferenceGraphs() {}

    /** The score network: s_θ(x, t) ({@value SmcStepGraph#SCORE}) and D_θ ({@value #DENOISER}). */
    public static NamedGraph score(ModelPair models, NoiseSchedule schedule) {
        Graph g = new Graph();
        SmcStepGraph.Inputs in = SmcStepGraph.Inputs.declare(g, models.backbone().config(), schedule);
        BackboneCall c = models.call(models.score().bindAsConstants(g, models.network()), in.x(), in.h(), in.beta());
        Map<String, Node> out = new LinkedHashMap<>();
        out.put(SmcStepGraph.SCORE, ScoreModel.score(c));
        out.put(DENOISER, ScoreModel.denoiser(c));
        return new NamedGraph(g, out);
    }

    /** The energy network: U_φ(x, t) ({@value SmcStepGraph#ENERGY}) and ∇ₓU_φ ({@value SmcStepGraph#ENERGY_GRAD}). */
    public static NamedGraph energy(ModelPair models, NoiseSchedule schedule) {
        Graph g = new Graph();
        SmcStepGraph.Inputs in = SmcStepGraph.Inputs.declare(g, models.backbone().config(), schedule);
        BackboneCall c = models.call(models.energy().bindAsConstants(g, models.network()), in.x(), in.h(), in.beta());
        Node u = EnergyModel.energy(c);
        Map<String, Node> out = new LinkedHashMap<>();
        out.put(SmcStepGraph.ENERGY, u);
        out.put(SmcStepGraph.ENERGY_GRAD, EnergyModel.gradient(u, in.x()));
        return new NamedGraph(g, out);
    }
}
