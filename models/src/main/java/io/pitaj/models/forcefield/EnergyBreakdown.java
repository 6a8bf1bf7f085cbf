package io.pitaj.models.forcefield;

/**
 * The potential energy of one configuration split by term, in kJ/mol. {@link #nonbonded()} and {@link #gb()} are the
 * sums OpenMM reports per force group, so fixtures can be compared either way.
 */
public record EnergyBreakdown(double bond, double angle, double torsion, double coulomb, double lj, double coulomb14,
                              double lj14, double gbSelf, double gbPair, double gbSa) {
    /** Slots of the per-term scratch array the force terms write into. */
    static final int BOND = 0, ANGLE = 1, TORSION = 2, COULOMB = 3, LJ = 4, COULOMB14 = 5, LJ14 = 6, GB_SELF = 7,
            GB_PAIR = 8, GB_SA = 9, TERMS = 10;

    static EnergyBreakdown of(double[] t) {
        return new EnergyBreakdown(t[BOND], t[ANGLE], t[TORSION], t[COULOMB], t[LJ], t[COULOMB14], t[LJ14], t[GB_SELF],
                t[GB_PAIR], t[GB_SA]);
    }

    /** Coulomb + Lennard-Jones, including the scaled 1-4 pairs. */
    public double nonbonded() { return coulomb + lj + coulomb14 + lj14; }

    /** Generalized Born self + pair energy plus the ACE surface term. */
    public double gb() { return gbSelf + gbPair + gbSa; }

    public double total() { return bond + angle + torsion + nonbonded() + gb(); }
}
