package io.pitaj.models.systems;

import io.pitaj.models.forcefield.NonbondedCutoff;
import io.pitaj.models.forcefield.PeptideSystems;
import io.pitaj.models.forcefield.PeptideTarget;
import io.pitaj.models.targets.DoubleWell;
import io.pitaj.models.targets.EnergyUnit;
import io.pitaj.models.targets.GaussianMixture;
import io.pitaj.models.targets.GaussianMixture40;
import io.pitaj.models.targets.LennardJones;
import io.pitaj.models.targets.MixtureSpec;
import io.pitaj.models.targets.PairConvention;
import io.pitaj.models.targets.ParticleLayout;
import io.pitaj.models.targets.StandardNormal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The named systems the CLI and the pipeline know, in registration order. */
public final class SystemCatalog {
    /** PITA's LJ-13 ladder (pita-algorithm.md §1.5); LJ-55 has no reference configuration and reuses it. */
    private static final List<Double> LJ_LADDER = List.of(4.0, 3.0, 2.0, 1.5, 1.2, 1.0);
    /** No spec gives a ladder for the toy systems: the target temperature alone. */
    public static final List<Double> TARGET_ONLY = List.of(1.0);
    /**
     * The quick preset's ladder for mog4: β = 1, 2, 4 relative to the hottest rung, so γ = 2 per rung; the mode masses
     * move from about (0.20, 0.28, 0.38, 0.14) at T = 4 to (0.45, 0.30, 0.14, 0.10) at T = 1.
     */
    private static final List<Double> MOG4_LADDER = List.of(4.0, 2.0, 1.0);
    /** PITA's peptide ladders (K): rungs of the geometric ladder 300·4^(k/9); ALDP skips 408.24 K. */
    private static final List<Double> ALDP_LADDER = List.of(1200.0, 755.95, 555.52, 300.0);
    private static final List<Double> AL3_LADDER = List.of(1200.0, 755.95, 555.52, 408.24, 300.0);
    /** Noise added to the reference geometry for typical configurations (nm): thermal-scale bond fluctuations. */
    private static final double PEPTIDE_JITTER_NM = 0.005;

    private final Map<String, SystemInfo<?>> systems = new LinkedHashMap<>();

    public SystemCatalog(List<SystemInfo<?>> entries) {
        for (SystemInfo<?> s : entries) {
            if (systems.putIfAbsent(s.name(), s) != null) throw new IllegalArgumentException("system '" + s.name() + "' registered twice");
        }
    }

    /** Every system this build ships. */
    public static SystemCatalog builtIn() {
        return new SystemCatalog(List.of(
                new SystemInfo<>("gmm40", "40-mode 2-D Gaussian mixture (FAB/DEM means, std ln(1+e))",
                        new ParticleLayout(1, 2), EnergyUnit.REDUCED, false, TARGET_ONLY, false,
                        options -> new GaussianMixture40(), ExactSampler.of(GaussianMixture40::drawSample)),
                mixture("mog4", "4-mode 2-D Gaussian mixture, full covariances (the quick preset's toy)",
                        MixtureSpec.resource(GaussianMixture.MOG4_RESOURCE), MOG4_LADDER),
                new SystemInfo<>("dw4", "4-particle 2-D double well (a=0.9, b=-4, c=0, d0=4)",
                        new ParticleLayout(DoubleWell.PARTICLES, 2), EnergyUnit.REDUCED, true, TARGET_ONLY, false,
                        options -> new DoubleWell(), DoubleWell::jitteredRing),
                lennardJones("lj13", 13),
                lennardJones("lj55", 55),
                peptide("aldp", 22, "alanine dipeptide Ace-Ala-Nme, amber14 (ff14SB) + OBC1, 2 nm cutoff (PITA setup)",
                        ALDP_LADDER, true, o -> PeptideSystems.aldp(o.cutoffChoice().orElse(NonbondedCutoff.PITA))),
                peptide("al3", 33, "alanine tripeptide, zwitterionic Ala-Ala-Ala, amber14 + OBC1, 2 nm cutoff (PITA setup)",
                        AL3_LADDER, true, o -> PeptideSystems.al3(o.cutoffChoice().orElse(NonbondedCutoff.PITA))),
                peptide("al4", 43, "alanine tetrapeptide, zwitterionic Ala4, amber14 + OBC1, 2 nm cutoff (PITA configuration)",
                        AL3_LADDER, true, o -> PeptideSystems.al4(o.cutoffChoice().orElse(NonbondedCutoff.PITA))),
                peptide("aldp-ff96", 22, "alanine dipeptide, ff96 + OBC1, no cutoff (openmmtools/FAB setup)",
                        ALDP_LADDER, false, o -> PeptideSystems.aldpFf96())));
    }

    /**
     * A Gaussian mixture as a system: one particle of d coordinates, reduced units, exact draws at T = 1 (the mixture
     * itself). The spec is validated already, so building the target cannot fail.
     */
    public static SystemInfo<GaussianMixture> mixture(String name, String description, MixtureSpec spec, List<Double> ladder) {
        return new SystemInfo<>(name, description, new ParticleLayout(1, spec.dimension()), EnergyUnit.REDUCED, false, ladder, false,
                options -> new GaussianMixture(name, spec), ExactSampler.of(GaussianMixture::drawSample));
    }

    private static SystemInfo<LennardJones> lennardJones(String name, int particles) {
        return new SystemInfo<>(name, "Lennard-Jones cluster of " + particles + " particles, PITA/DEM pair convention (x2) + harmonic trap",
                new ParticleLayout(particles, 3), EnergyUnit.REDUCED, true, LJ_LADDER, false,
                options -> new LennardJones(name, particles, PairConvention.PITA_DEM, 1.0), LennardJones::jitteredLattice);
    }

    /** A bundled peptide; typical configurations are its reference geometry with small Gaussian noise. */
    private static SystemInfo<PeptideTarget> peptide(String name, int atoms, String description, List<Double> ladder,
                                                     boolean hasCutoff, Function<TargetOptions, PeptideTarget> factory) {
        return new SystemInfo<>(name, description, new ParticleLayout(atoms, 3), EnergyUnit.KJ_PER_MOL, true, ladder, hasCutoff,
                factory, jitteredReference(PeptideSystems.referencePositionsNm(name)));
    }

    private static ConfigurationSampler<PeptideTarget> jitteredReference(double[] reference) {
        return (target, rng, out, offset) -> {
            for (int i = 0; i < reference.length; i++) out[offset + i] = reference[i] + PEPTIDE_JITTER_NM * StandardNormal.draw(rng);
        };
    }

    public List<SystemInfo<?>> all() { return List.copyOf(systems.values()); }

    public List<String> names() { return List.copyOf(systems.keySet()); }

    /** The system called {@code name}; the error lists the known names. */
    public SystemInfo<?> get(String name) {
        SystemInfo<?> s = systems.get(name);
        if (s == null) throw new UnknownSystemException(name, names());
        return s;
    }
}
