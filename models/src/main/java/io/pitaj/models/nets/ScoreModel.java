package io.pitaj.models.nets;

import io.pitaj.models.graph.Node;

/**
 * The score network θ of pita-algorithm.md §1.3: D_θ = c_skip·x + c_out·F_θ(c_noise, c_in·x, β) and
 * s_θ = (D_θ − x)/h, which simplifies to −x/(1 + h) + F_θ/(σ·√(1 + h)) (computed in that form: no cancellation
 * at small σ).
 */
public final class ScoreModel {
    private ScoreModel() {}

    public static Node denoiser(BackboneCall c) {
        Node skip = Preconditioning.perSample(Preconditioning.cSkip(c.h()), c.x());
        Node out = Preconditioning.perSample(Preconditioning.cOut(c.h()), c.x());
        return skip.mul(c.x()).add(out.mul(c.output()));
    }

    public static Node score(BackboneCall c) {
        Node h = c.h();
        Node xCoefficient = Preconditioning.perSample(h.add(1).pow(-1).neg(), c.x());
        Node fCoefficient = Preconditioning.perSample(h.sqrt().mul(h.add(1).sqrt()).pow(-1), c.x());
        return xCoefficient.mul(c.x()).add(fCoefficient.mul(c.output()));
    }

    /**
     * ∇ₓ·s_θ per sample from the backbone's divergence ∇_y·F at y = c_in·x: since ∂s/∂x = −I/(1 + h) +
     * (c_out·c_in/h)·∂F/∂y, the trace is (∇_y·F/σ − d)/(1 + h) with d the coordinates per sample — the full
     * space, as the reference's Jacobian trace.
     */
    public static Node divergence(BackboneCall c, Node backboneDivergence) {
        Node h = c.h();
        return backboneDivergence.cast(c.x().dtype()).div(h.sqrt()).sub(c.sampleSize()).div(h.add(1));
    }
}
