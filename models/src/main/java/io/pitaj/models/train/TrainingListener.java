package io.pitaj.models.train;

import java.nio.file.Path;
import java.util.Map;

/** Hears a training run's progress: every update and every checkpoint written. */
public interface TrainingListener {
    /**
     * @param step          1-based index of the update just taken
     * @param totalSteps    the step count at which the run stops
     * @param loss          weighted total before the update
     * @param terms         each loss term (unweighted) before the update
     * @param gradNorm      global gradient norm before clipping
     * @param stepsPerSecond updates per second of wall time since the run (or its resumption) began
     */
    record Step(long step, long totalSteps, double loss, Map<String, Double> terms, double gradNorm, double stepsPerSecond) {}

    void onStep(Step step);

    default void onCheckpoint(long step, Path file) {}

    TrainingListener NONE = step -> {};
}
