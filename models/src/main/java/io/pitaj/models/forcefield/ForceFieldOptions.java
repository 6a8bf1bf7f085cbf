package io.pitaj.models.forcefield;

import java.util.Objects;

/** How a prmtop is turned into an energy: nonbonded cutoff and solvent model. */
public record ForceFieldOptions(NonbondedCutoff cutoff, ImplicitSolvent solvent) {
    public ForceFieldOptions {
        Objects.requireNonNull(cutoff, "cutoff");
        Objects.requireNonNull(solvent, "solvent");
    }

    /** PITA (setup B): OBC1, CutoffNonPeriodic 2 nm. */
    public static ForceFieldOptions pita() { return new ForceFieldOptions(NonbondedCutoff.PITA, ImplicitSolvent.OBC1); }

    /** openmmtools AlanineDipeptideImplicit / FAB (setup A): OBC1, NoCutoff. */
    public static ForceFieldOptions implicitNoCutoff() { return new ForceFieldOptions(NonbondedCutoff.NONE, ImplicitSolvent.OBC1); }

    public ForceFieldOptions withCutoff(NonbondedCutoff c) { return new ForceFieldOptions(c, solvent); }
}
