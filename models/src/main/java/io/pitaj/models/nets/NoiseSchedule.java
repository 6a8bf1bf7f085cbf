package io.pitaj.models.nets;

import io.pitaj.models.graph.Node;

/**
 * The EDM ("elucidating") variance-exploding schedule of pita-algorithm.md §1.2, in diffusion time t ∈ [0, 1] with
 * t = 0 the data and t = 1 the noise: σ(t) = (a + (1 − t)·b)^ρ with a = σ_max^(1/ρ) and b = σ_min^(1/ρ) − a, the
 * variance h = σ², and g(t)² = dh/dt. Host values are doubles; {@link #variance(Node)} builds h(t) in a graph so
 * that derivatives with respect to t go through the schedule.
 *
 * @param sigmaMin σ(0): 0.05 for LJ-13, 0.01 for the peptides
 * @param sigmaMax σ(1): 80 everywhere in the reference
 * @param rho      the EDM exponent, 7
 */
public record NoiseSchedule(double sigmaMin, double sigmaMax, double rho) {
    public static final double REFERENCE_SIGMA_MAX = 80;
    public static final double REFERENCE_RHO = 7;

    public NoiseSchedule {
        if (!(sigmaMin > 0) || !(sigmaMax > sigmaMin) || !(rho > 0) || Double.isInfinite(sigmaMax)) {
            throw new IllegalArgumentException("need 0 < σ_min < σ_max < ∞ and ρ > 0, got σ_min " + sigmaMin
                    + ", σ_max " + sigmaMax + ", ρ " + rho);
        }
    }

    /** The reference schedule (σ_max 80, ρ 7) with a system's σ_min. */
    public static NoiseSchedule edm(double sigmaMin) { return new NoiseSchedule(sigmaMin, REFERENCE_SIGMA_MAX, REFERENCE_RHO); }

    private double a() { return Math.pow(sigmaMax, 1 / rho); }

    private double b() { return Math.pow(sigmaMin, 1 / rho) - a(); }

    public double sigma(double t) { return Math.pow(a() + (1 - t) * b(), rho); }

    /** h(t) = σ(t)². */
    public double variance(double t) { return Math.pow(a() + (1 - t) * b(), 2 * rho); }

    /** g(t)² = dh/dt = −2ρ·b·(a + (1 − t)·b)^(2ρ − 1), positive since b < 0. */
    public double g2(double t) { return -2 * rho * b() * Math.pow(a() + (1 - t) * b(), 2 * rho - 1); }

    /** h(t) for a node of times (any shape, any float type). */
    public Node variance(Node t) { return t.rsub(1).mul(b()).add(a()).pow(2 * rho); }
}
