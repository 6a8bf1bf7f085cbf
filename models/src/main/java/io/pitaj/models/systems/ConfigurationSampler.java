package io.pitaj.models.systems;

import io.pitaj.models.targets.Target;
import java.util.SplittableRandom;

/**
 * Produces typical, finite-energy configurations of a target for benchmarks and smoke tests — not samples of the
 * Boltzmann density unless the entry says so.
 */
@FunctionalInterface
public interface ConfigurationSampler<T extends Target> {
    /** Writes one configuration of {@code target.dimension()} values to {@code out[offset ..]}. */
    void sample(T target, SplittableRandom rng, double[] out, int offset);
}
