package io.pitaj.models.forcefield;

/** Conversions from the prmtop's AMBER units (kcal/mol, Å, scaled charges) to OpenMM's (kJ/mol, nm, e). */
public final class AmberUnits {
    public static final double KCAL_TO_KJ = 4.184;
    public static final double ANGSTROM_TO_NM = 0.1;
    /** Prmtop charges are multiplied by this factor (√332.0522173, so that q_iq_j/r comes out in kcal/mol/Å). */
    public static final double CHARGE_SCALE = 18.2223;

    private AmberUnits() {}

    /** The CHARGE section in units of e. */
    static double[] charges(PrmtopFile prmtop) {
        double[] q = prmtop.doubles("CHARGE");
        for (int i = 0; i < q.length; i++) q[i] /= CHARGE_SCALE;
        return q;
    }
}
