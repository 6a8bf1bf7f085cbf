package io.pitaj.models.train;

/**
 * The constants an Adam training-step graph is built with, PyTorch semantics ({@code torch.optim.Adam} without
 * weight decay or amsgrad, after {@code torch.nn.utils.clip_grad_norm_}). The learning rate is not among them: it
 * is fed at run time (input {@link TrainingGraphNames#LEARNING_RATE}), so a schedule needs no new graph.
 *
 * @param maxGradNorm global-norm clipping threshold; {@code Double.POSITIVE_INFINITY} disables clipping
 */
public record AdamConfig(double beta1, double beta2, double eps, double maxGradNorm) {
    /** PITA's optimiser (spec §1.4): β = (0.9, 0.999), ε 1e-8, clipping at global norm 0.5. */
    public static final AdamConfig PITA = new AdamConfig(0.9, 0.999, 1e-8, 0.5);
    /** PITA's learning rate (constant, no schedule). */
    public static final double PITA_LEARNING_RATE = 1e-3;

    public AdamConfig {
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas must lie in [0, 1): " + beta1 + ", " + beta2);
        }
        if (!(eps > 0)) throw new IllegalArgumentException("eps must be positive: " + eps);
        if (!(maxGradNorm > 0)) throw new IllegalArgumentException("max gradient norm must be positive: " + maxGradNorm);
    }

    public boolean clips() { return maxGradNorm != Double.POSITIVE_INFINITY; }

    public AdamConfig withMaxGradNorm(double norm) { return new AdamConfig(beta1, beta2, eps, norm); }
}
