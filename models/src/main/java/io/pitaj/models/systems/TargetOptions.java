package io.pitaj.models.systems;

import io.pitaj.models.forcefield.NonbondedCutoff;
import java.util.Optional;

/**
 * Choices that change which {@link io.pitaj.models.targets.Target} a catalogue entry builds.
 *
 * @param cutoff the non-bonded cutoff, or null for the system's own default
 */
public record TargetOptions(NonbondedCutoff cutoff) {
    /** Every choice left at the system's default. */
    public static final TargetOptions DEFAULTS = new TargetOptions(null);

    public Optional<NonbondedCutoff> cutoffChoice() { return Optional.ofNullable(cutoff); }
}
