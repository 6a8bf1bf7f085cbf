package io.pitaj.models.forcefield;

import java.util.Arrays;

/**
 * Coulomb + Lennard-Jones between atom pairs, as OpenMM's NonbondedForce built from a prmtop.
 *
 * <p>Three kinds of pairs: excluded pairs (1-2, 1-3) get nothing; 1-4 pairs get Coulomb ÷ SCEE and LJ ÷ SCNB and are
 * never cut off; all other pairs interact fully, either without cutoff or, with a cutoff r_c, only for r &lt; r_c with
 * the reaction-field form for ε_rf = 1, q_iq_j(1/r − 1/r_c), and a plainly truncated LJ. Pair constants (charge
 * products times the Coulomb constant, LJ A = 4εσ¹² and B = 4εσ⁶ after Lorentz–Berthelot) are precomputed so the
 * loop does no powers or square roots beyond one per pair.
 */
public final class NonbondedForce {
    /** OpenMM's ONE_4PI_EPS0 (CODATA 2018) in kJ·nm/(mol·e²). */
    public static final double COULOMB = 138.93545764438198;
    /** AMBER default 1-4 scale factors, used when the prmtop has no SCEE/SCNB sections (e.g. old ff96 files). */
    public static final double DEFAULT_SCEE = 1.2, DEFAULT_SCNB = 2.0;

    private final int[] pi3, pj3;
    private final double[] qq, ljA, ljB;
    private final int[] qi3, qj3;
    private final double[] qq14, ljA14, ljB14;
    private final int exclusionCount;
    private final double cutoffSquared, inverseCutoff;

    /**
     * @param charges   per-atom charges (e)
     * @param sigma     per-atom LJ σ (nm)
     * @param epsilon   per-atom LJ ε (kJ/mol)
     * @param excluded  flat 0-based pairs without any nonbonded interaction; may also list the 1-4 pairs
     * @param pairs14   flat 0-based 1-4 pairs
     * @param scee      Coulomb divisor per 1-4 pair
     * @param scnb      LJ divisor per 1-4 pair
     */
    public NonbondedForce(double[] charges, double[] sigma, double[] epsilon, int[] excluded, int[] pairs14,
                          double[] scee, double[] scnb, NonbondedCutoff cutoff) {
        int n = charges.length;
        if (sigma.length != n || epsilon.length != n) throw new IllegalArgumentException("per-atom arrays disagree in length");
        int n14 = scee.length;
        if (pairs14.length != 2 * n14 || scnb.length != n14) throw new IllegalArgumentException("1-4 arrays disagree in length");
        boolean[] isExcluded = new boolean[n * n], is14 = new boolean[n * n];
        for (int p = 0; p < excluded.length; p += 2) {
            int i = excluded[p], j = excluded[p + 1];
            if (i == j) throw new IllegalArgumentException("atom " + i + " is excluded from itself");
            isExcluded[i * n + j] = isExcluded[j * n + i] = true;
        }
        qi3 = new int[n14];
        qj3 = new int[n14];
        qq14 = new double[n14];
        ljA14 = new double[n14];
        ljB14 = new double[n14];
        for (int p = 0; p < n14; p++) {
            int i = pairs14[2 * p], j = pairs14[2 * p + 1];
            is14[i * n + j] = is14[j * n + i] = true;
            qi3[p] = 3 * i;
            qj3[p] = 3 * j;
            qq14[p] = COULOMB * charges[i] * charges[j] / scee[p];
            ljA14[p] = lorentzBerthelotA(sigma, epsilon, i, j) / scnb[p];
            ljB14[p] = lorentzBerthelotB(sigma, epsilon, i, j) / scnb[p];
        }
        int count = 0, excludedOnly = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (!isExcluded[i * n + j] && !is14[i * n + j]) count++;
                if (isExcluded[i * n + j] && !is14[i * n + j]) excludedOnly++;
            }
        }
        exclusionCount = excludedOnly;
        pi3 = new int[count];
        pj3 = new int[count];
        qq = new double[count];
        ljA = new double[count];
        ljB = new double[count];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (isExcluded[i * n + j] || is14[i * n + j]) continue;
                pi3[p] = 3 * i;
                pj3[p] = 3 * j;
                qq[p] = COULOMB * charges[i] * charges[j];
                ljA[p] = lorentzBerthelotA(sigma, epsilon, i, j);
                ljB[p] = lorentzBerthelotB(sigma, epsilon, i, j);
                p++;
            }
        }
        cutoffSquared = cutoff.distanceNm() * cutoff.distanceNm();
        inverseCutoff = cutoff.inverse();
    }

    private static double lorentzBerthelotA(double[] sigma, double[] epsilon, int i, int j) {
        double s = 0.5 * (sigma[i] + sigma[j]), s3 = s * s * s, s6 = s3 * s3;
        return 4 * Math.sqrt(epsilon[i] * epsilon[j]) * s6 * s6;
    }

    private static double lorentzBerthelotB(double[] sigma, double[] epsilon, int i, int j) {
        double s = 0.5 * (sigma[i] + sigma[j]), s3 = s * s * s;
        return 4 * Math.sqrt(epsilon[i] * epsilon[j]) * s3 * s3;
    }

    public static NonbondedForce from(PrmtopFile prmtop, NonbondedCutoff cutoff) {
        int n = prmtop.atomCount();
        double[] charges = AmberUnits.charges(prmtop);
        double[] sigma = new double[n], epsilon = new double[n];
        perAtomLennardJones(prmtop, sigma, epsilon);
        int[] excluded = excludedPairs(prmtop);
        int[] withH = prmtop.ints("DIHEDRALS_INC_HYDROGEN"), withoutH = prmtop.ints("DIHEDRALS_WITHOUT_HYDROGEN");
        int torsions = (withH.length + withoutH.length) / 5;
        int[] pairs = new int[2 * torsions];
        double[] scee = new double[torsions], scnb = new double[torsions];
        double[] sceeTable = prmtop.has("SCEE_SCALE_FACTOR") ? prmtop.doubles("SCEE_SCALE_FACTOR") : null;
        double[] scnbTable = prmtop.has("SCNB_SCALE_FACTOR") ? prmtop.doubles("SCNB_SCALE_FACTOR") : null;
        int types = prmtop.doubles("DIHEDRAL_FORCE_CONSTANT").length;
        int m = 0;
        for (int[] list : new int[][] {withH, withoutH}) {
            for (int p = 0; p < list.length; p += 5) {
                // a negative third pointer marks a further term of a multi-term torsion, a negative fourth an
                // improper: neither adds a 1-4 pair
                if (list[p + 2] <= 0 || list[p + 3] <= 0) continue;
                int type = prmtop.parameterIndex(list[p + 4], types, "DIHEDRALS");
                pairs[2 * m] = prmtop.atomOfPointer(list[p], "DIHEDRALS");
                pairs[2 * m + 1] = prmtop.atomOfPointer(list[p + 3], "DIHEDRALS");
                scee[m] = sceeTable == null ? DEFAULT_SCEE : sceeTable[type];
                scnb[m] = scnbTable == null ? DEFAULT_SCNB : scnbTable[type];
                m++;
            }
        }
        return new NonbondedForce(charges, sigma, epsilon, excluded, Arrays.copyOf(pairs, 2 * m),
                Arrays.copyOf(scee, m), Arrays.copyOf(scnb, m), cutoff);
    }

    /** σ_i = (A/B)^{1/6} and ε_i = B²/(4A) from the diagonal A/B coefficients of each atom's LJ type. */
    private static void perAtomLennardJones(PrmtopFile prmtop, double[] sigma, double[] epsilon) {
        int ntypes = prmtop.pointer(PrmtopFile.NTYPES);
        int[] typeOf = prmtop.ints("ATOM_TYPE_INDEX");
        int[] parmIndex = prmtop.ints("NONBONDED_PARM_INDEX");
        double[] acoef = prmtop.doubles("LENNARD_JONES_ACOEF"), bcoef = prmtop.doubles("LENNARD_JONES_BCOEF");
        for (int i = 0; i < sigma.length; i++) {
            int t = prmtop.parameterIndex(typeOf[i], ntypes, "ATOM_TYPE_INDEX");
            int k = parmIndex[(ntypes + 1) * t] - 1;
            if (k < 0 || k >= acoef.length) {
                throw new PrmtopFormatException(prmtop.source() + ": NONBONDED_PARM_INDEX of type " + (t + 1) + " is "
                        + (k + 1) + ", not a Lennard-Jones entry (negative values are 10-12 terms, unsupported)");
            }
            double a = acoef[k], b = bcoef[k];
            if (a > 0 && b > 0) {
                sigma[i] = Math.pow(a / b, 1.0 / 6.0) * AmberUnits.ANGSTROM_TO_NM;
                epsilon[i] = b * b / (4 * a) * AmberUnits.KCAL_TO_KJ;
            }
        }
    }

    /** All pairs named in EXCLUDED_ATOMS_LIST (1-based, 0 = "none"), as flat 0-based pairs. */
    private static int[] excludedPairs(PrmtopFile prmtop) {
        int n = prmtop.atomCount();
        int[] counts = prmtop.ints("NUMBER_EXCLUDED_ATOMS"), list = prmtop.ints("EXCLUDED_ATOMS_LIST");
        int[] pairs = new int[2 * list.length];
        int m = 0, at = 0;
        for (int i = 0; i < n; i++) {
            if (counts[i] < 0 || at + counts[i] > list.length) {
                throw new PrmtopFormatException(prmtop.source() + ": NUMBER_EXCLUDED_ATOMS of atom " + (i + 1)
                        + " runs past the end of EXCLUDED_ATOMS_LIST");
            }
            for (int e = at; e < at + counts[i]; e++) {
                int j = list[e] - 1;
                if (j < 0) continue;
                if (j >= n || j == i) {
                    throw new PrmtopFormatException(prmtop.source() + ": EXCLUDED_ATOMS_LIST entry " + (e + 1) + " of atom "
                            + (i + 1) + " is " + list[e]);
                }
                pairs[m++] = i;
                pairs[m++] = j;
            }
            at += counts[i];
        }
        return Arrays.copyOf(pairs, m);
    }

    /** Pairs that interact fully (neither excluded nor 1-4). */
    public int pairCount() { return qq.length; }

    public int pair14Count() { return qq14.length; }

    /** The 1-4 pairs as flat 0-based atom pairs. */
    public int[] pairs14() {
        int[] out = new int[2 * qi3.length];
        for (int p = 0; p < qi3.length; p++) {
            out[2 * p] = qi3[p] / 3;
            out[2 * p + 1] = qj3[p] / 3;
        }
        return out;
    }

    /** Excluded pairs that are not 1-4 pairs (1-2 and 1-3 in peptides). */
    public int exclusionCount() { return exclusionCount; }

    /**
     * Adds dE/dx to {@code g[go..]} and writes the Coulomb, LJ, 1-4 Coulomb and 1-4 LJ energies (kJ/mol) into the
     * {@link EnergyBreakdown} slots of {@code terms}; returns their sum.
     */
    public double energy(double[] x, int xo, double[] g, int go, double[] terms) {
        double coulomb = 0, lj = 0;
        double rc2 = cutoffSquared, irc = inverseCutoff;
        for (int p = 0; p < qq.length; p++) {
            int i = pi3[p], j = pj3[p];
            double dx = x[xo + j] - x[xo + i], dy = x[xo + j + 1] - x[xo + i + 1], dz = x[xo + j + 2] - x[xo + i + 2];
            double r2 = dx * dx + dy * dy + dz * dz;
            if (r2 >= rc2) continue;
            double ir = 1 / Math.sqrt(r2), ir2 = ir * ir, ir6 = ir2 * ir2 * ir2;
            double a = ljA[p] * ir6 * ir6, b = ljB[p] * ir6, c = qq[p] * ir;
            coulomb += c - qq[p] * irc;
            lj += a - b;
            double f = -(c + 12 * a - 6 * b) * ir2; // (dE/dr)/r
            addPairGradient(g, go + i, go + j, f * dx, f * dy, f * dz);
        }
        double coulomb14 = 0, lj14 = 0;
        for (int p = 0; p < qq14.length; p++) {
            int i = qi3[p], j = qj3[p];
            double dx = x[xo + j] - x[xo + i], dy = x[xo + j + 1] - x[xo + i + 1], dz = x[xo + j + 2] - x[xo + i + 2];
            double r2 = dx * dx + dy * dy + dz * dz;
            double ir = 1 / Math.sqrt(r2), ir2 = ir * ir, ir6 = ir2 * ir2 * ir2;
            double a = ljA14[p] * ir6 * ir6, b = ljB14[p] * ir6, c = qq14[p] * ir;
            coulomb14 += c;
            lj14 += a - b;
            double f = -(c + 12 * a - 6 * b) * ir2;
            addPairGradient(g, go + i, go + j, f * dx, f * dy, f * dz);
        }
        terms[EnergyBreakdown.COULOMB] = coulomb;
        terms[EnergyBreakdown.LJ] = lj;
        terms[EnergyBreakdown.COULOMB14] = coulomb14;
        terms[EnergyBreakdown.LJ14] = lj14;
        return coulomb + lj + coulomb14 + lj14;
    }

    /** Pair term depending on r = |x_j − x_i|: (fx, fy, fz) = (dE/dr)·(x_j − x_i)/r is dE/dx_j and −dE/dx_i. */
    static void addPairGradient(double[] g, int i, int j, double fx, double fy, double fz) {
        g[i] -= fx;
        g[i + 1] -= fy;
        g[i + 2] -= fz;
        g[j] += fx;
        g[j + 1] += fy;
        g[j + 2] += fz;
    }
}
