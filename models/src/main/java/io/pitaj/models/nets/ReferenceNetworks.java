package io.pitaj.models.nets;

import io.pitaj.models.systems.SystemInfo;

/**
 * What PITA runs for each built-in system (pita-algorithm.md §1.9, §2): the backbone of the released configuration
 * and the noise schedule's σ_min. Systems without a released configuration get the nearest one, stated here: DW-4
 * and LJ-55 the LJ-13 EGNN, AL4 the peptide DiT, the 2-D toys the MLP of §6.
 */
public final class ReferenceNetworks {
    /** σ_min of LJ-13's schedule, used for every particle system. */
    public static final double PARTICLE_SIGMA_MIN = 0.05;
    /** σ_min of the peptide schedules. */
    public static final double PEPTIDE_SIGMA_MIN = 0.01;

    private ReferenceNetworks() {}

    /** A system's backbone and schedule. */
    public record Choice(BackboneConfig backbone, NoiseSchedule schedule) {}

    public static Choice forSystem(SystemInfo<?> system) {
        int particles = system.layout().particles(), spatial = system.layout().spatialDim();
        return switch (system.name()) {
            case "lj13", "lj55", "dw4" -> new Choice(EgnnConfig.reference(particles, spatial), NoiseSchedule.edm(PARTICLE_SIGMA_MIN));
            case "aldp", "aldp-ff96", "al3", "al4" -> new Choice(DitConfig.reference(particles), NoiseSchedule.edm(PEPTIDE_SIGMA_MIN));
            default -> new Choice(MlpConfig.toy(system.dimension(), true), NoiseSchedule.edm(PEPTIDE_SIGMA_MIN));
        };
    }
}
