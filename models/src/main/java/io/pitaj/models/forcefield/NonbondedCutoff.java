package io.pitaj.models.forcefield;

/**
 * Treatment of the non-1-4 nonbonded pairs and of the GB pairs: either every pair interacts (OpenMM NoCutoff) or
 * only pairs closer than {@code distanceNm} do (OpenMM CutoffNonPeriodic, reaction field with ε_rf = 1, as PITA runs
 * it with 2 nm). "No cutoff" is an infinite distance, so both cases run through the same arithmetic (1/∞ = 0).
 */
public record NonbondedCutoff(double distanceNm) {
    public static final NonbondedCutoff NONE = new NonbondedCutoff(Double.POSITIVE_INFINITY);
    /** PITA's setting for ALDP, AL3 and AL4. */
    public static final NonbondedCutoff PITA = new NonbondedCutoff(2.0);

    public NonbondedCutoff {
        if (!(distanceNm > 0)) throw new IllegalArgumentException("cutoff distance must be positive, got " + distanceNm + " nm");
    }

    /** Reads "none", "pita" or a distance in nm such as "2.0". */
    public static NonbondedCutoff parse(String text) {
        String t = text.strip().toLowerCase();
        if (t.equals("none")) return NONE;
        if (t.equals("pita")) return PITA;
        try {
            return new NonbondedCutoff(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cutoff must be 'none', 'pita' or a distance in nm, got '" + text + "'", e);
        }
    }

    public boolean isNone() { return Double.isInfinite(distanceNm); }

    /** 1/r_c, zero without cutoff. */
    double inverse() { return 1.0 / distanceNm; }

    @Override
    public String toString() { return isNone() ? "none" : distanceNm + " nm"; }
}
