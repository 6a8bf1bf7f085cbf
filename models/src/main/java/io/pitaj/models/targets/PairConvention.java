package io.pitaj.models.targets;

/**
 * How often each unordered particle pair enters the Lennard-Jones sum — the factor-of-2 trap of benchmarks.md §2.3.
 * The two conventions describe different densities at the same temperature; benchmark numbers are only comparable
 * within one convention.
 */
public enum PairConvention {
    /** DEM, PITA, PTSD, AS/ASBS: ordered pairs with energy_factor 1, i.e. E_LJ = 2·Σ_{i<j} LJ(r_ij). */
    PITA_DEM(2.0),
    /** bgflow, EACF, FAB (Midgley et al.): each unordered pair once, E_LJ = Σ_{i<j} LJ(r_ij). */
    BGFLOW_EACF(1.0);

    private final double pairMultiplicity;

    PairConvention(double pairMultiplicity) {
        this.pairMultiplicity = pairMultiplicity;
    }

    /** Factor multiplying the unique-pair sum. */
    public double pairMultiplicity() { return pairMultiplicity; }
}
