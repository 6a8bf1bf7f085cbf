package io.pitaj.models.systems;

import io.pitaj.models.targets.DoubleWell;
import io.pitaj.models.targets.EnergyUnit;
import io.pitaj.models.targets.GaussianMixture40;
import io.pitaj.models.targets.LennardJones;
import io.pitaj.models.targets.PairConvention;
import io.pitaj.models.targets.ParticleLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The named systems the CLI and the pipeline know, in registration order. */
public final class SystemCatalog {
    /** PITA's LJ-13 ladder (pita-algorithm.md §1.5); LJ-55 has no reference configuration and reuses it. */
    private static final List<Double> LJ_LADDER = List.of(4.0, 3.0, 2.0, 1.5, 1.2, 1.0);
    /** No spec gives a ladder for the toy systems: the target temperature alone. */
    private static final List<Double> TARGET_ONLY = List.of(1.0);

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
                        options -> new GaussianMixture40(), GaussianMixture40::drawSample),
                new SystemInfo<>("dw4", "4-particle 2-D double well (a=0.9, b=-4, c=0, d0=4)",
                        new ParticleLayout(DoubleWell.PARTICLES, 2), EnergyUnit.REDUCED, true, TARGET_ONLY, false,
                        options -> new DoubleWell(), DoubleWell::jitteredRing),
                lennardJones("lj13", 13),
                lennardJones("lj55", 55)));
    }

    private static SystemInfo<LennardJones> lennardJones(String name, int particles) {
        return new SystemInfo<>(name, "Lennard-Jones cluster of " + particles + " particles, PITA/DEM pair convention (x2) + harmonic trap",
                new ParticleLayout(particles, 3), EnergyUnit.REDUCED, true, LJ_LADDER, false,
                options -> new LennardJones(name, particles, PairConvention.PITA_DEM, 1.0), LennardJones::jitteredLattice);
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
