package io.pitaj.models.forcefield;

/** Angle bending E = k·(θ − θ₀)² about the central atom j (AMBER convention, no ½). */
public final class HarmonicAngleForce {
    private final int[] a3, b3, c3;
    private final double[] k, theta0;

    /**
     * @param atoms     flat 0-based triples (i, j, k), j central
     * @param kKj       force constants in kJ/mol/rad²
     * @param theta0Rad equilibrium angles in rad
     */
    public HarmonicAngleForce(int[] atoms, double[] kKj, double[] theta0Rad) {
        int n = kKj.length;
        if (atoms.length != 3 * n || theta0Rad.length != n) throw new IllegalArgumentException("angle arrays disagree in length");
        a3 = new int[n];
        b3 = new int[n];
        c3 = new int[n];
        for (int t = 0; t < n; t++) {
            a3[t] = 3 * atoms[3 * t];
            b3[t] = 3 * atoms[3 * t + 1];
            c3[t] = 3 * atoms[3 * t + 2];
        }
        k = kKj.clone();
        theta0 = theta0Rad.clone();
    }

    public static HarmonicAngleForce from(PrmtopFile prmtop) {
        double[] kTable = prmtop.doubles("ANGLE_FORCE_CONSTANT"), thetaTable = prmtop.doubles("ANGLE_EQUIL_VALUE");
        int[] withH = prmtop.ints("ANGLES_INC_HYDROGEN"), withoutH = prmtop.ints("ANGLES_WITHOUT_HYDROGEN");
        int n = (withH.length + withoutH.length) / 4;
        int[] atoms = new int[3 * n];
        double[] k = new double[n], theta0 = new double[n];
        int t = 0;
        for (int[] list : new int[][] {withH, withoutH}) {
            for (int p = 0; p < list.length; p += 4, t++) {
                for (int m = 0; m < 3; m++) atoms[3 * t + m] = prmtop.atomOfPointer(list[p + m], "ANGLES");
                int type = prmtop.parameterIndex(list[p + 3], kTable.length, "ANGLES");
                k[t] = kTable[type] * AmberUnits.KCAL_TO_KJ;
                theta0[t] = thetaTable[type];
            }
        }
        return new HarmonicAngleForce(atoms, k, theta0);
    }

    public int size() { return k.length; }

    /** Energy in kJ/mol; adds dE/dx to {@code g[go..]}. */
    public double energy(double[] x, int xo, double[] g, int go) {
        double e = 0;
        for (int t = 0; t < k.length; t++) {
            int i = xo + a3[t], j = xo + b3[t], l = xo + c3[t];
            double ux = x[i] - x[j], uy = x[i + 1] - x[j + 1], uz = x[i + 2] - x[j + 2];
            double vx = x[l] - x[j], vy = x[l + 1] - x[j + 1], vz = x[l + 2] - x[j + 2];
            double px = uy * vz - uz * vy, py = uz * vx - ux * vz, pz = ux * vy - uy * vx;
            double p = Math.sqrt(px * px + py * py + pz * pz);
            double uv = ux * vx + uy * vy + uz * vz;
            // atan2 of |u×v| and u·v stays accurate near 0 and π where acos loses digits
            double theta = Math.atan2(p, uv);
            double d = theta - theta0[t];
            e += k[t] * d * d;
            if (p == 0) continue; // collinear: the direction of the bending force is undefined
            double dEdTheta = 2 * k[t] * d / p;
            // dθ/du = ((u·v)/|u|²·u − v)/|u×v|, dθ/dv likewise with u and v exchanged
            double cu = uv / (ux * ux + uy * uy + uz * uz), cv = uv / (vx * vx + vy * vy + vz * vz);
            double gix = dEdTheta * (cu * ux - vx), giy = dEdTheta * (cu * uy - vy), giz = dEdTheta * (cu * uz - vz);
            double gkx = dEdTheta * (cv * vx - ux), gky = dEdTheta * (cv * vy - uy), gkz = dEdTheta * (cv * vz - uz);
            int gi = go + a3[t], gj = go + b3[t], gk = go + c3[t];
            g[gi] += gix;
            g[gi + 1] += giy;
            g[gi + 2] += giz;
            g[gk] += gkx;
            g[gk + 1] += gky;
            g[gk + 2] += gkz;
            g[gj] -= gix + gkx;
            g[gj + 1] -= giy + gky;
            g[gj + 2] -= giz + gkz;
        }
        return e;
    }
}
