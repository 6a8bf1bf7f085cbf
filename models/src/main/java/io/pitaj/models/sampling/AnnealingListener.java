package io.pitaj.models.sampling;

/** Hears about an annealing run's progress; called on the sampling thread. */
@FunctionalInterface
public interface AnnealingListener {
    AnnealingListener SILENT = (step, steps, ess) -> { };

    /** Step {@code step} (1-based) of {@code steps} is done; {@code ess} is the effective sample size it left. */
    void stepDone(int step, int steps, double ess);
}
