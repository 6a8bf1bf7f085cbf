package io.pitaj.models.forcefield;

import java.util.List;

/**
 * The molecular topology carried by a prmtop: atom and residue names, elements, masses, partial charges and the
 * covalent bond graph. Force-field parameters live in the force terms; this is what PDB export, dihedral analysis and
 * input checking need.
 */
public final class AmberTopology {
    private static final String[] SYMBOLS = {
        "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K", "Ca",
        "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr",
        "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe"
    };
    /** Standard atomic masses of the elements that occur in biomolecular prmtops without ATOMIC_NUMBER. */
    private static final String[] MASS_SYMBOLS = {"H", "C", "N", "O", "F", "Na", "Mg", "P", "S", "Cl", "K", "Ca", "Fe", "Zn", "Br", "I"};
    private static final double[] MASSES = {1.008, 12.011, 14.007, 15.999, 18.998, 22.990, 24.305, 30.974, 32.06, 35.45,
        39.098, 40.078, 55.845, 65.38, 79.904, 126.904};
    /** Largest accepted distance of a prmtop mass from a standard atomic mass when inferring the element. */
    private static final double MASS_TOLERANCE = 0.6;

    private final List<String> atomNames;
    private final List<String> elements;
    private final List<String> residueNames;
    private final int[] residueOfAtom;
    private final double[] masses;
    private final double[] charges;
    private final int[] bonds;

    private AmberTopology(List<String> atomNames, List<String> elements, List<String> residueNames, int[] residueOfAtom,
                          double[] masses, double[] charges, int[] bonds) {
        this.atomNames = atomNames;
        this.elements = elements;
        this.residueNames = residueNames;
        this.residueOfAtom = residueOfAtom;
        this.masses = masses;
        this.charges = charges;
        this.bonds = bonds;
    }

    public static AmberTopology from(PrmtopFile prmtop) {
        int n = prmtop.atomCount();
        List<String> names = prmtop.strings("ATOM_NAME");
        double[] masses = prmtop.doubles("MASS");
        double[] charges = AmberUnits.charges(prmtop);
        String[] elements = new String[n];
        if (prmtop.has("ATOMIC_NUMBER")) {
            int[] z = prmtop.ints("ATOMIC_NUMBER");
            for (int i = 0; i < n; i++) {
                if (z[i] < 1 || z[i] > SYMBOLS.length) {
                    throw new PrmtopFormatException(prmtop.source() + ": ATOMIC_NUMBER of atom " + (i + 1) + " is " + z[i]
                            + ", outside 1.." + SYMBOLS.length);
                }
                elements[i] = SYMBOLS[z[i] - 1];
            }
        } else {
            for (int i = 0; i < n; i++) elements[i] = elementFromMass(masses[i], i, prmtop.source());
        }
        List<String> residueNames = prmtop.strings("RESIDUE_LABEL");
        int[] firstAtom = prmtop.ints("RESIDUE_POINTER");
        if (firstAtom.length == 0 || firstAtom[0] != 1) {
            throw new PrmtopFormatException(prmtop.source() + ": RESIDUE_POINTER must start at atom 1");
        }
        int[] residueOfAtom = new int[n];
        for (int r = 0; r < firstAtom.length; r++) {
            int from = firstAtom[r] - 1, to = r + 1 < firstAtom.length ? firstAtom[r + 1] - 1 : n;
            if (from < 0 || from >= to || to > n) {
                throw new PrmtopFormatException(prmtop.source() + ": RESIDUE_POINTER of residue " + (r + 1) + " (" + firstAtom[r]
                        + ") is not increasing within 1.." + n);
            }
            for (int a = from; a < to; a++) residueOfAtom[a] = r;
        }
        int[] withH = prmtop.ints("BONDS_INC_HYDROGEN"), withoutH = prmtop.ints("BONDS_WITHOUT_HYDROGEN");
        int count = (withH.length + withoutH.length) / 3;
        int[] bonds = new int[2 * count];
        int b = 0;
        for (int[] list : new int[][] {withH, withoutH}) {
            for (int k = 0; k < list.length; k += 3) {
                bonds[b++] = prmtop.atomOfPointer(list[k], "BONDS");
                bonds[b++] = prmtop.atomOfPointer(list[k + 1], "BONDS");
            }
        }
        return new AmberTopology(names, List.of(elements), residueNames, residueOfAtom, masses, charges, bonds);
    }

    private static String elementFromMass(double mass, int atom, String source) {
        int best = 0;
        for (int k = 1; k < MASSES.length; k++) {
            if (Math.abs(MASSES[k] - mass) < Math.abs(MASSES[best] - mass)) best = k;
        }
        if (Math.abs(MASSES[best] - mass) > MASS_TOLERANCE) {
            throw new PrmtopFormatException(source + ": cannot infer the element of atom " + (atom + 1) + " from mass " + mass
                    + " amu and the file has no ATOMIC_NUMBER section");
        }
        return MASS_SYMBOLS[best];
    }

    public int atomCount() { return residueOfAtom.length; }

    public List<String> atomNames() { return atomNames; }

    /** Element symbols in atom order ("C", "H", ...). */
    public List<String> elements() { return elements; }

    public int residueCount() { return residueNames.size(); }

    public List<String> residueNames() { return residueNames; }

    /** 0-based residue index of {@code atom}. */
    public int residueOf(int atom) { return residueOfAtom[atom]; }

    /** Masses in amu. */
    public double[] masses() { return masses.clone(); }

    /** Partial charges in units of e. */
    public double[] charges() { return charges.clone(); }

    public double netCharge() {
        double q = 0;
        for (double c : charges) q += c;
        return q;
    }

    public int bondCount() { return bonds.length / 2; }

    /** Covalent bonds as flat 0-based atom pairs (a0, b0, a1, b1, ...). */
    public int[] bonds() { return bonds.clone(); }

    /** 0-based index of the atom called {@code atomName} in residue {@code residue}, or −1 if there is none. */
    public int indexOf(int residue, String atomName) {
        for (int i = 0; i < residueOfAtom.length; i++) {
            if (residueOfAtom[i] == residue && atomNames.get(i).equals(atomName)) return i;
        }
        return -1;
    }
}
