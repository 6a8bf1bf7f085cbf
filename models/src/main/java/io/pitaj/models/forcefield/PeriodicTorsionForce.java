package io.pitaj.models.forcefield;

/**
 * Proper and improper torsions E = K·[1 + cos(nφ − δ)], φ the IUPAC dihedral of (i, j, k, l). Impropers are the same
 * periodic form; the prmtop only marks them (negative fourth pointer) for the 1-4 bookkeeping of {@link NonbondedForce}.
 */
public final class PeriodicTorsionForce {
    private final int[] a3, b3, c3, d3;
    private final int[] periodicity;
    private final double[] k, phase;

    /**
     * @param atoms       flat 0-based quadruples (i, j, k, l)
     * @param kKj         amplitudes K in kJ/mol
     * @param periodicity n
     * @param phaseRad    δ in rad
     */
    public PeriodicTorsionForce(int[] atoms, double[] kKj, int[] periodicity, double[] phaseRad) {
        int n = kKj.length;
        if (atoms.length != 4 * n || periodicity.length != n || phaseRad.length != n) {
            throw new IllegalArgumentException("torsion arrays disagree in length");
        }
        a3 = new int[n];
        b3 = new int[n];
        c3 = new int[n];
        d3 = new int[n];
        for (int t = 0; t < n; t++) {
            a3[t] = 3 * atoms[4 * t];
            b3[t] = 3 * atoms[4 * t + 1];
            c3[t] = 3 * atoms[4 * t + 2];
            d3[t] = 3 * atoms[4 * t + 3];
        }
        k = kKj.clone();
        this.periodicity = periodicity.clone();
        phase = phaseRad.clone();
    }

    public static PeriodicTorsionForce from(PrmtopFile prmtop) {
        double[] kTable = prmtop.doubles("DIHEDRAL_FORCE_CONSTANT");
        double[] nTable = prmtop.doubles("DIHEDRAL_PERIODICITY"), phaseTable = prmtop.doubles("DIHEDRAL_PHASE");
        int[] withH = prmtop.ints("DIHEDRALS_INC_HYDROGEN"), withoutH = prmtop.ints("DIHEDRALS_WITHOUT_HYDROGEN");
        int n = (withH.length + withoutH.length) / 5;
        int[] atoms = new int[4 * n], per = new int[n];
        double[] k = new double[n], phase = new double[n];
        int t = 0;
        for (int[] list : new int[][] {withH, withoutH}) {
            for (int p = 0; p < list.length; p += 5, t++) {
                for (int m = 0; m < 4; m++) atoms[4 * t + m] = prmtop.atomOfPointer(list[p + m], "DIHEDRALS");
                int type = prmtop.parameterIndex(list[p + 4], kTable.length, "DIHEDRALS");
                k[t] = kTable[type] * AmberUnits.KCAL_TO_KJ;
                per[t] = (int) Math.round(nTable[type]);
                phase[t] = phaseTable[type];
            }
        }
        return new PeriodicTorsionForce(atoms, k, per, phase);
    }

    public int size() { return k.length; }

    /** Energy in kJ/mol; adds dE/dx to {@code g[go..]}. */
    public double energy(double[] x, int xo, double[] g, int go) {
        double e = 0;
        for (int t = 0; t < k.length; t++) {
            int i = xo + a3[t], j = xo + b3[t], kk = xo + c3[t], l = xo + d3[t];
            double b1x = x[j] - x[i], b1y = x[j + 1] - x[i + 1], b1z = x[j + 2] - x[i + 2];
            double b2x = x[kk] - x[j], b2y = x[kk + 1] - x[j + 1], b2z = x[kk + 2] - x[j + 2];
            double b3x = x[l] - x[kk], b3y = x[l + 1] - x[kk + 1], b3z = x[l + 2] - x[kk + 2];
            double n1x = b1y * b2z - b1z * b2y, n1y = b1z * b2x - b1x * b2z, n1z = b1x * b2y - b1y * b2x;
            double n2x = b2y * b3z - b2z * b3y, n2y = b2z * b3x - b2x * b3z, n2z = b2x * b3y - b2y * b3x;
            double len = Math.sqrt(b2x * b2x + b2y * b2y + b2z * b2z);
            double phi = Math.atan2(len * (b1x * n2x + b1y * n2y + b1z * n2z), n1x * n2x + n1y * n2y + n1z * n2z);
            double angle = periodicity[t] * phi - phase[t];
            e += k[t] * (1 + Math.cos(angle));
            double dEdPhi = -k[t] * periodicity[t] * Math.sin(angle);
            double a2 = n1x * n1x + n1y * n1y + n1z * n1z, bb2 = n2x * n2x + n2y * n2y + n2z * n2z;
            // Blondel–Karplus: ∂φ/∂x_i = −L·n₁/A², ∂φ/∂x_l = L·n₂/B², the middle atoms by projection onto b₂
            double fi = -dEdPhi * len / a2, fl = dEdPhi * len / bb2;
            double s1 = (b1x * b2x + b1y * b2y + b1z * b2z) / (len * len), s3 = (b3x * b2x + b3y * b2y + b3z * b2z) / (len * len);
            double gix = fi * n1x, giy = fi * n1y, giz = fi * n1z;
            double glx = fl * n2x, gly = fl * n2y, glz = fl * n2z;
            // with s = (b·b₂)/L²: ∂/∂x_j = −(1 + s₁)·∂/∂x_i + s₃·∂/∂x_l; x_k takes the rest (translation invariance)
            double gjx = -(1 + s1) * gix + s3 * glx, gjy = -(1 + s1) * giy + s3 * gly, gjz = -(1 + s1) * giz + s3 * glz;
            int gi = go + a3[t], gj = go + b3[t], gk = go + c3[t], gl = go + d3[t];
            g[gi] += gix;
            g[gi + 1] += giy;
            g[gi + 2] += giz;
            g[gl] += glx;
            g[gl + 1] += gly;
            g[gl + 2] += glz;
            g[gj] += gjx;
            g[gj + 1] += gjy;
            g[gj + 2] += gjz;
            g[gk] -= gix + glx + gjx;
            g[gk + 1] -= giy + gly + gjy;
            g[gk + 2] -= giz + glz + gjz;
        }
        return e;
    }
}
