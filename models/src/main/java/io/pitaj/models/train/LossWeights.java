package io.pitaj.models.train;

/**
 * The weights of PITA's loss terms (pita-algorithm.md §1.4, config key in brackets): score matching ({@code score}),
 * energy distillation ({@code energy_score}), energy pinning ({@code energy_matching}) and target score matching
 * ({@code target_score}). The DEM-energy and ∂U/∂t terms are zero in every released configuration and not built.
 */
public record LossWeights(double score, double energyScore, double energyMatching, double targetScore) {
    /** LJ-13 (and every particle system): 1, 1, 1, 0. */
    public static final LossWeights PARTICLES = new LossWeights(1, 1, 1, 0);
    /** ALDP, AL3: 1, 1, 1, 0.01. */
    public static final LossWeights PEPTIDES = new LossWeights(1, 1, 1, 0.01);

    public LossWeights {
        for (double w : new double[] {score, energyScore, energyMatching, targetScore}) {
            if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("loss weights must be finite and non-negative");
        }
    }
}
