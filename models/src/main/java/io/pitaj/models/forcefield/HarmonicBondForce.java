package io.pitaj.models.forcefield;

/** Bond stretching E = k·(r − r₀)² (AMBER convention: the prmtop k already contains the ½). */
public final class HarmonicBondForce {
    /** Atom indices times 3, i.e. offsets of the x coordinate. */
    private final int[] a3, b3;
    private final double[] k, r0;

    /**
     * @param atoms  flat 0-based atom pairs
     * @param kKj    force constants in kJ/mol/nm²
     * @param r0Nm   equilibrium lengths in nm
     */
    public HarmonicBondForce(int[] atoms, double[] kKj, double[] r0Nm) {
        int n = kKj.length;
        if (atoms.length != 2 * n || r0Nm.length != n) throw new IllegalArgumentException("bond arrays disagree in length");
        a3 = new int[n];
        b3 = new int[n];
        for (int t = 0; t < n; t++) {
            a3[t] = 3 * atoms[2 * t];
            b3[t] = 3 * atoms[2 * t + 1];
        }
        k = kKj.clone();
        r0 = r0Nm.clone();
    }

    public static HarmonicBondForce from(PrmtopFile prmtop) {
        double[] kTable = prmtop.doubles("BOND_FORCE_CONSTANT"), rTable = prmtop.doubles("BOND_EQUIL_VALUE");
        int[] withH = prmtop.ints("BONDS_INC_HYDROGEN"), withoutH = prmtop.ints("BONDS_WITHOUT_HYDROGEN");
        int n = (withH.length + withoutH.length) / 3;
        int[] atoms = new int[2 * n];
        double[] k = new double[n], r0 = new double[n];
        int t = 0;
        for (int[] list : new int[][] {withH, withoutH}) {
            for (int p = 0; p < list.length; p += 3, t++) {
                atoms[2 * t] = prmtop.atomOfPointer(list[p], "BONDS");
                atoms[2 * t + 1] = prmtop.atomOfPointer(list[p + 1], "BONDS");
                int type = prmtop.parameterIndex(list[p + 2], kTable.length, "BONDS");
                k[t] = kTable[type] * AmberUnits.KCAL_TO_KJ / (AmberUnits.ANGSTROM_TO_NM * AmberUnits.ANGSTROM_TO_NM);
                r0[t] = rTable[type] * AmberUnits.ANGSTROM_TO_NM;
            }
        }
        return new HarmonicBondForce(atoms, k, r0);
    }

    public int size() { return k.length; }

    /** Energy in kJ/mol of the configuration at {@code x[xo..]} (nm); adds dE/dx to {@code g[go..]}. */
    public double energy(double[] x, int xo, double[] g, int go) {
        double e = 0;
        for (int t = 0; t < k.length; t++) {
            int i = a3[t], j = b3[t];
            double dx = x[xo + j] - x[xo + i], dy = x[xo + j + 1] - x[xo + i + 1], dz = x[xo + j + 2] - x[xo + i + 2];
            double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
            double dr = r - r0[t];
            e += k[t] * dr * dr;
            double f = 2 * k[t] * dr / r;
            g[go + i] -= f * dx;
            g[go + i + 1] -= f * dy;
            g[go + i + 2] -= f * dz;
            g[go + j] += f * dx;
            g[go + j + 1] += f * dy;
            g[go + j + 2] += f * dz;
        }
        return e;
    }
}
