package io.pitaj.models.nets;

import io.pitaj.models.graph.Autodiff;
import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Node;
import io.pitaj.models.nn.BoundParameters;
import java.util.List;

/**
 * The energy network φ of pita-algorithm.md §1.3: the scalar U_φ = |x|²/(2(1 + h)) − (1/σ)·⟨F_φ(c_noise, c_in·x, β),
 * c_in·x⟩ per sample, whose score is −∇ₓU_φ and whose denoiser is D_φ = x − h·∇ₓU_φ.
 */
public final class EnergyModel {
    private final Backbone backbone;
    private final DType network;

    public EnergyModel(Backbone backbone, DType network) {
        if (!network.isFloat()) throw new IllegalArgumentException("networks run in a float type, not " + network);
        this.backbone = backbone;
        this.network = network;
    }

    public Backbone backbone() { return backbone; }

    public BackboneCall call(BoundParameters p, Node x, Node h, Node beta) {
        return BackboneCall.of(backbone, p, x, h, beta, network);
    }

    /** U_φ per sample, shape [...]. */
    public static Node energy(BackboneCall c) {
        Node h = c.h();
        Node quadratic = c.perSampleSum(c.x().square()).div(h.add(1).mul(2));
        return quadratic.sub(c.perSampleSum(c.output().mul(c.scaled())).div(h.sqrt()));
    }

    /**
     * ∇ₓU_φ, per sample: the samples of a batch are independent, so the gradient of the batch sum is every
     * sample's own gradient.
     */
    public static Node gradient(Node energy, Node x) { return Autodiff.grad(energy.sumAll(), List.of(x)).get(0); }

    /** D_φ = x − h·∇ₓU_φ. */
    public static Node denoiser(BackboneCall c, Node energyGradient) {
        return c.x().sub(Preconditioning.perSample(c.h(), c.x()).mul(energyGradient));
    }
}
