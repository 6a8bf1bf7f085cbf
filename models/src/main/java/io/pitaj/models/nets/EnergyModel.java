package io.pitaj.models.nets;

import io.pitaj.models.graph.Autodiff;
import io.pitaj.models.graph.Node;
import java.util.List;

/**
 * The energy network φ of pita-algorithm.md §1.3: the scalar U_φ = |x|²/(2(1 + h)) − (1/σ)·⟨F_φ(c_noise, c_in·x, β),
 * c_in·x⟩ per sample, whose score is −∇ₓU_φ and whose denoiser is D_φ = x − h·∇ₓU_φ.
 */
public final class EnergyModel {
    private EnergyModel() {}

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
