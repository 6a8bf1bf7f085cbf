package io.pitaj.models.sampling.mcmc;

/**
 * How long a sampler runs: {@code warmupSteps} moves that are discarded (and may adapt step sizes), then
 * {@code samples} kept configurations per chain, one every {@code thinning} moves.
 */
public record Schedule(int warmupSteps, int samples, int thinning) {
    public Schedule {
        if (warmupSteps < 0) throw new IllegalArgumentException("warm-up steps must not be negative, got " + warmupSteps);
        if (samples < 1) throw new IllegalArgumentException("need at least one kept sample, got " + samples);
        if (thinning < 1) throw new IllegalArgumentException("thinning must be at least 1, got " + thinning);
    }

    /** Moves per chain after warm-up. */
    public long samplingSteps() { return (long) samples * thinning; }
}
