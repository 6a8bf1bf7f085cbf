package io.pitaj.models.forcefield;

import io.pitaj.models.targets.EnergyEvaluator;

import java.util.Arrays;

/**
 * The complete potential of an AMBER prmtop: bonds, angles, torsions, Coulomb + LJ with 1-4 scaling and, optionally,
 * OBC1 implicit solvent. Positions in nm, energies in kJ/mol, gradients in kJ/mol/nm. Immutable and shareable across
 * threads; each thread evaluates through its own {@link #newEvaluator()}.
 */
public final class AmberForceField {
    private final int atoms;
    private final ForceFieldOptions options;
    private final HarmonicBondForce bonds;
    private final HarmonicAngleForce angles;
    private final PeriodicTorsionForce torsions;
    private final NonbondedForce nonbonded;
    /** Null in vacuum. */
    private final Obc1Solvation solvation;

    public AmberForceField(PrmtopFile prmtop, ForceFieldOptions options) {
        this.atoms = prmtop.atomCount();
        this.options = options;
        this.bonds = HarmonicBondForce.from(prmtop);
        this.angles = HarmonicAngleForce.from(prmtop);
        this.torsions = PeriodicTorsionForce.from(prmtop);
        this.nonbonded = NonbondedForce.from(prmtop, options.cutoff());
        this.solvation = options.solvent() == ImplicitSolvent.OBC1 ? Obc1Solvation.from(prmtop, options.cutoff()) : null;
    }

    public int atomCount() { return atoms; }

    public ForceFieldOptions options() { return options; }

    public HarmonicBondForce bonds() { return bonds; }

    public HarmonicAngleForce angles() { return angles; }

    public PeriodicTorsionForce torsions() { return torsions; }

    public NonbondedForce nonbonded() { return nonbonded; }

    /** A single-threaded evaluator with its own scratch memory. */
    public Evaluator newEvaluator() { return new Evaluator(); }

    /** Energy split by term for one configuration (nm); for tests and diagnostics, allocates. */
    public EnergyBreakdown breakdown(double[] xNm) {
        Evaluator ev = newEvaluator();
        ev.energy(checked(xNm), 0, null, 0);
        return ev.lastBreakdown();
    }

    /** OBC1 Born radii (nm) of one configuration; for tests and diagnostics, allocates. */
    public double[] bornRadii(double[] xNm) {
        if (solvation == null) throw new IllegalStateException("no Born radii: this force field runs in vacuum");
        Evaluator ev = newEvaluator();
        ev.energy(checked(xNm), 0, null, 0);
        return ev.solvationWorkspace.bornRadii();
    }

    private double[] checked(double[] xNm) {
        if (xNm.length != 3 * atoms) {
            throw new IllegalArgumentException("expected " + 3 * atoms + " coordinates (" + atoms + " atoms × 3), got " + xNm.length);
        }
        return xNm;
    }

    /** Thread-confined evaluation of the full potential; not thread-safe. */
    public final class Evaluator implements EnergyEvaluator {
        private final double[] terms = new double[EnergyBreakdown.TERMS];
        /** Gradient sink for energy-only calls: the terms always accumulate forces, which is cheap next to the GB pass. */
        private final double[] discardedGradient = new double[3 * atoms];
        private final Obc1Solvation.Workspace solvationWorkspace = solvation == null ? null : solvation.newWorkspace();

        private Evaluator() {}

        @Override
        public double energy(double[] x, int xOffset, double[] grad, int gradOffset) {
            double[] g = grad == null ? discardedGradient : grad;
            int go = grad == null ? 0 : gradOffset;
            Arrays.fill(g, go, go + 3 * atoms, 0.0);
            terms[EnergyBreakdown.BOND] = bonds.energy(x, xOffset, g, go);
            terms[EnergyBreakdown.ANGLE] = angles.energy(x, xOffset, g, go);
            terms[EnergyBreakdown.TORSION] = torsions.energy(x, xOffset, g, go);
            double e = terms[EnergyBreakdown.BOND] + terms[EnergyBreakdown.ANGLE] + terms[EnergyBreakdown.TORSION];
            e += nonbonded.energy(x, xOffset, g, go, terms);
            if (solvation != null) e += solvation.energy(x, xOffset, g, go, solvationWorkspace, terms);
            return e;
        }

        /** The per-term split of the last configuration this evaluator computed. */
        public EnergyBreakdown lastBreakdown() { return EnergyBreakdown.of(terms); }
    }
}
