package io.pitaj.models.train;

import io.pitaj.models.nets.BackboneConfig;
import io.pitaj.models.nets.NoiseSchedule;

/**
 * The hyper-parameters of one PITA training run (pita-algorithm.md §1.4, §1.7, §1.9).
 *
 * @param architecture     both networks' backbone
 * @param loss             the objective's schedule, weights and thresholds
 * @param adam             Adam's constants and the clipping norm
 * @param learningRate     Adam's learning rate (constant)
 * @param batchSize        samples per update, drawn with replacement
 * @param steps            the update count at which training stops (absolute: a resumed or fine-tuned run counts on)
 * @param seed             seeds the initial weights, every step's draws (from (seed, step)) and the dropout masks
 * @param trainOnAllRungs  each batch from a rung j ~ U{0 … k} instead of the newest rung k (LJ-13)
 * @param checkpointEvery  steps between checkpoints (0: only at the end)
 */
public record TrainingConfig(BackboneConfig architecture, PitaLoss.Config loss, AdamConfig adam, double learningRate,
                             int batchSize, long steps, long seed, boolean trainOnAllRungs, int checkpointEvery) {
    public TrainingConfig {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        if (steps < 0) throw new IllegalArgumentException("steps must be non-negative, got " + steps);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        if (checkpointEvery < 0) throw new IllegalArgumentException("checkpoint interval must be non-negative");
    }

    /** PITA's released optimiser (Adam 1e-3, clip 0.5) with the given architecture, schedule and weights. */
    public static TrainingConfig reference(BackboneConfig architecture, NoiseSchedule schedule, LossWeights weights,
                                           int batchSize, long steps, long seed, boolean trainOnAllRungs, int checkpointEvery) {
        return new TrainingConfig(architecture, PitaLoss.Config.reference(schedule, weights), AdamConfig.PITA,
                AdamConfig.PITA_LEARNING_RATE, batchSize, steps, seed, trainOnAllRungs, checkpointEvery);
    }

    public TrainingConfig withSteps(long total) {
        return new TrainingConfig(architecture, loss, adam, learningRate, batchSize, total, seed, trainOnAllRungs, checkpointEvery);
    }
}
