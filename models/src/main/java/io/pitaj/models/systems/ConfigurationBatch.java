package io.pitaj.models.systems;

import io.pitaj.models.targets.Target;

/**
 * A target together with {@code size} configurations for it, flat row-major as {@link Target#energies} takes them.
 * The caller owns (and closes) the target.
 */
public record ConfigurationBatch(Target target, double[] x, int size) {}
