package io.pitaj.models.sampling.mcmc;

/** Hears how far a long sampling run is, in moves (warm-up included) out of the run's total; called on the sampling thread. */
@FunctionalInterface
public interface SamplerProgress {
    SamplerProgress NONE = (done, total) -> { };

    void advanced(long done, long total);
}
