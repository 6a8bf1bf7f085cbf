package io.pitaj.models.forcefield;

import java.util.Arrays;

/**
 * OBC1 generalized Born implicit solvent with the ACE non-polar term, exactly as OpenMM's CustomGBForce "GBSAOBC1"
 * (implicit/obc1.xml or a prmtop with implicitSolvent=OBC1): ε_solute = 1, ε_solvent = 78.5, no salt.
 *
 * <p>Unlike the Coulomb/LJ term, every pair i ≠ j takes part, bonded or not. The descreening integral is asymmetric
 * (offset radius of i, scaled radius of j), and the CustomGB form omits the extra 2(1/o_i − 1/L) term that AMBER and
 * OpenMM's native GBSAOBCForce add for engulfed atoms. With a cutoff r_c only pairs with r &lt; r_c count and the pair
 * energy is shifted by −1/r_c, as in OpenMM's CutoffNonPeriodic.
 *
 * <p>The gradient runs in three passes over the unordered pairs: (1) descreening integrals, their r-derivatives and
 * the Born radii; (2) energies, ∂E/∂B_i and the direct pair derivatives; (3) the chain rule through the Born radii.
 */
public final class Obc1Solvation {
    /** Literal Coulomb constant in OpenMM's CustomGB expressions (differs from {@link NonbondedForce#COULOMB}). */
    public static final double GB_COULOMB = 138.935485;
    public static final double SOLUTE_DIELECTRIC = 1.0, SOLVENT_DIELECTRIC = 78.5;
    /** Radius offset (nm) between the intrinsic radius ρ and the offset radius o = ρ − 0.009. */
    public static final double OFFSET = 0.009;
    /** OBC1 tanh rescaling coefficients (OBC2 would be 1.0, 0.8, 4.85). */
    public static final double ALPHA = 0.8, BETA = 0.0, GAMMA = 2.909125;
    /** ACE surface term: 4π·0.0054 kcal/mol/Å² in kJ/mol/nm², and the solvent probe radius in nm. */
    public static final double ACE_SURFACE = 28.3919551, PROBE_RADIUS = 0.14;
    private static final double KAPPA = GB_COULOMB * (1 / SOLUTE_DIELECTRIC - 1 / SOLVENT_DIELECTRIC);

    private final int atoms;
    private final double[] offsetRadius, scaledRadius, inverseOffsetRadius, inverseRadius, ratio;
    /** −½κq_i², so the self energy is selfCoefficient/B_i. */
    private final double[] selfCoefficient;
    /** 28.39·(ρ+0.14)²·ρ⁶, so the ACE energy is aceCoefficient/B_i⁶. */
    private final double[] aceCoefficient;
    private final int[] pi, pj;
    /** κ·q_iq_j per unordered pair. */
    private final double[] kqq;
    private final double cutoff, inverseCutoff;

    /**
     * @param charges per-atom charges (e)
     * @param radiiNm intrinsic GB radii ρ (nm)
     * @param screen  screening factors (dimensionless)
     */
    public Obc1Solvation(double[] charges, double[] radiiNm, double[] screen, NonbondedCutoff cutoff) {
        atoms = charges.length;
        if (radiiNm.length != atoms || screen.length != atoms) throw new IllegalArgumentException("per-atom GB arrays disagree in length");
        offsetRadius = new double[atoms];
        scaledRadius = new double[atoms];
        inverseOffsetRadius = new double[atoms];
        inverseRadius = new double[atoms];
        ratio = new double[atoms];
        selfCoefficient = new double[atoms];
        aceCoefficient = new double[atoms];
        for (int i = 0; i < atoms; i++) {
            double rho = radiiNm[i], o = rho - OFFSET;
            if (!(o > 0)) throw new IllegalArgumentException("GB radius of atom " + i + " is " + rho + " nm, must exceed " + OFFSET + " nm");
            offsetRadius[i] = o;
            scaledRadius[i] = screen[i] * o;
            inverseOffsetRadius[i] = 1 / o;
            inverseRadius[i] = 1 / rho;
            ratio[i] = o / rho;
            selfCoefficient[i] = -0.5 * KAPPA * charges[i] * charges[i];
            double rho3 = rho * rho * rho;
            aceCoefficient[i] = ACE_SURFACE * (rho + PROBE_RADIUS) * (rho + PROBE_RADIUS) * rho3 * rho3;
        }
        int pairs = atoms * (atoms - 1) / 2;
        pi = new int[pairs];
        pj = new int[pairs];
        kqq = new double[pairs];
        int p = 0;
        for (int i = 0; i < atoms; i++) {
            for (int j = i + 1; j < atoms; j++, p++) {
                pi[p] = i;
                pj[p] = j;
                kqq[p] = KAPPA * charges[i] * charges[j];
            }
        }
        this.cutoff = cutoff.distanceNm();
        inverseCutoff = cutoff.inverse();
    }

    public static Obc1Solvation from(PrmtopFile prmtop, NonbondedCutoff cutoff) {
        double[] radii = prmtop.doubles("RADII");
        for (int i = 0; i < radii.length; i++) radii[i] *= AmberUnits.ANGSTROM_TO_NM;
        return new Obc1Solvation(AmberUnits.charges(prmtop), radii, prmtop.doubles("SCREEN"), cutoff);
    }

    /** Scratch memory for one thread. */
    public Workspace newWorkspace() { return new Workspace(atoms, pi.length); }

    /** Per-thread scratch: per-atom integrals and radii, per-pair geometry and derivatives. */
    public static final class Workspace {
        final double[] integral, bornRadius, dBdI, dEdB;
        final double[] distance, unit, dIij, dIji, dEdr;

        private Workspace(int atoms, int pairs) {
            integral = new double[atoms];
            bornRadius = new double[atoms];
            dBdI = new double[atoms];
            dEdB = new double[atoms];
            distance = new double[pairs];
            unit = new double[3 * pairs];
            dIij = new double[pairs];
            dIji = new double[pairs];
            dEdr = new double[pairs];
        }

        /** Born radii (nm) of the last configuration evaluated with this workspace. */
        public double[] bornRadii() { return bornRadius.clone(); }
    }

    /**
     * Adds dE/dx to {@code g[go..]} and writes the self, pair and ACE energies (kJ/mol) into the {@link EnergyBreakdown}
     * slots of {@code terms}; returns their sum.
     */
    public double energy(double[] x, int xo, double[] g, int go, Workspace w, double[] terms) {
        double[] integral = w.integral, born = w.bornRadius, dBdI = w.dBdI, dEdB = w.dEdB;
        double[] dist = w.distance, unit = w.unit, dIij = w.dIij, dIji = w.dIji, dEdr = w.dEdr;
        double rc = cutoff, irc = inverseCutoff;
        int pairs = pi.length;

        // pass 1: descreening integrals and Born radii
        Arrays.fill(integral, 0);
        for (int p = 0; p < pairs; p++) {
            int i = pi[p], j = pj[p];
            int i3 = xo + 3 * i, j3 = xo + 3 * j;
            double dx = x[j3] - x[i3], dy = x[j3 + 1] - x[i3 + 1], dz = x[j3 + 2] - x[i3 + 2];
            double r = Math.sqrt(dx * dx + dy * dy + dz * dz), ir = 1 / r;
            dist[p] = r;
            unit[3 * p] = dx * ir;
            unit[3 * p + 1] = dy * ir;
            unit[3 * p + 2] = dz * ir;
            if (r >= rc) {
                dIij[p] = 0;
                dIji[p] = 0;
                continue;
            }
            integral[i] += descreening(r, ir, offsetRadius[i], scaledRadius[j], dIij, p);
            integral[j] += descreening(r, ir, offsetRadius[j], scaledRadius[i], dIji, p);
        }
        double eSelf = 0, eAce = 0;
        for (int i = 0; i < atoms; i++) {
            double o = offsetRadius[i], psi = integral[i] * o;
            double th = Math.tanh(psi * (ALPHA + psi * (-BETA + psi * GAMMA)));
            double b = 1 / (inverseOffsetRadius[i] - th * inverseRadius[i]);
            born[i] = b;
            dBdI[i] = b * b * (1 - th * th) * (ALPHA + psi * (-2 * BETA + 3 * GAMMA * psi)) * ratio[i];
            double ib = 1 / b, ib2 = ib * ib;
            double self = selfCoefficient[i] * ib, ace = aceCoefficient[i] * ib2 * ib2 * ib2;
            eSelf += self;
            eAce += ace;
            dEdB[i] = -(self + 6 * ace) * ib;
        }

        // pass 2: pair energies, their Born-radius derivatives and direct r-derivatives
        double ePair = 0;
        for (int p = 0; p < pairs; p++) {
            double r = dist[p];
            if (r >= rc) {
                dEdr[p] = 0;
                continue;
            }
            int i = pi[p], j = pj[p];
            double bi = born[i], bj = born[j], bb = bi * bj;
            double q = r * r / (4 * bb);
            double gauss = Math.exp(-q);
            double f = Math.sqrt(r * r + bb * gauss), inf = 1 / f;
            ePair -= kqq[p] * (inf - irc);
            double dEdf = kqq[p] * inf * inf;
            double common = dEdf * gauss * (1 + q) * 0.5 * inf;
            dEdB[i] += common * bj;
            dEdB[j] += common * bi;
            dEdr[p] = dEdf * r * (1 - 0.25 * gauss) * inf;
        }

        // pass 3: chain rule through the Born radii, plus the direct pair derivatives
        for (int i = 0; i < atoms; i++) dBdI[i] *= dEdB[i]; // now ∂E/∂I_i
        for (int p = 0; p < pairs; p++) {
            int i = pi[p], j = pj[p];
            double d = dEdr[p] + dBdI[i] * dIij[p] + dBdI[j] * dIji[p];
            NonbondedForce.addPairGradient(g, go + 3 * i, go + 3 * j, d * unit[3 * p], d * unit[3 * p + 1], d * unit[3 * p + 2]);
        }
        terms[EnergyBreakdown.GB_SELF] = eSelf;
        terms[EnergyBreakdown.GB_PAIR] = ePair;
        terms[EnergyBreakdown.GB_SA] = eAce;
        return eSelf + ePair + eAce;
    }

    /**
     * I_ij, the part of atom j's volume (scaled radius sj) that descreens atom i (offset radius oi) at distance r, and
     * dI_ij/dr stored in {@code derivative[p]}.
     */
    private static double descreening(double r, double ir, double oi, double sj, double[] derivative, int p) {
        if (r + sj - oi < 0) {
            derivative[p] = 0;
            return 0;
        }
        double iu = 1 / (r + sj), diff = r - sj, ad = Math.abs(diff);
        double il, dl;
        if (oi >= ad) {
            il = 1 / oi;
            dl = 0;
        } else {
            il = 1 / ad;
            dl = diff > 0 ? 1 : -1;
        }
        double iu2 = iu * iu, il2 = il * il;
        double lin = r - sj * sj * ir;
        double log = Math.log(iu / il);
        derivative[p] = 0.5 * (-dl * il2 + iu2 + 0.25 * (1 + sj * sj * ir * ir) * (iu2 - il2)
                + 0.25 * lin * (-2 * iu2 * iu + 2 * dl * il2 * il) + 0.5 * (dl * il - iu) * ir - 0.5 * log * ir * ir);
        return 0.5 * (il - iu + 0.25 * lin * (iu2 - il2) + 0.5 * log * ir);
    }
}
