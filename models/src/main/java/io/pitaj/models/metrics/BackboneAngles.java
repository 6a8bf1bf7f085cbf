package io.pitaj.models.metrics;

import io.pitaj.models.forcefield.AmberTopology;
import java.util.ArrayList;
import java.util.List;

/**
 * The backbone torsions and chirality centres of a peptide, found from its topology — atom names N, CA, C (and CB)
 * per residue and the covalent C(i−1)–N(i) and C(i)–N(i+1) bonds — never from fixed atom indices: φᵢ =
 * C(i−1)–N–CA–C, ψᵢ = N–CA–C–N(i+1), ωᵢ = CA–C–N(i+1)–CA(i+1) for every residue that has both neighbours (caps
 * included: ACE and NME carry C and N; where residue i+1 has no CA, as NME, the other carbon bonded to N(i+1)
 * stands in for it).
 * Angles are in radians on (−π, π].
 */
public final class BackboneAngles {
    /** One residue's torsion atoms (−1 for ω's last atom when the next residue has no CA-like carbon). */
    public record Residue(int index, String name, int prevC, int n, int ca, int c, int nextN, int nextCa, int cb) {}

    private final List<Residue> residues;

    private BackboneAngles(List<Residue> residues) { this.residues = List.copyOf(residues); }

    /** Residues with φ and ψ defined (ALDP: the one alanine; AL3: the middle one of three, as zwitterion ends lack a neighbour). */
    public List<Residue> residues() { return residues; }

    public static BackboneAngles of(AmberTopology top) {
        int[] bonds = top.bonds();
        List<Residue> out = new ArrayList<>();
        for (int r = 1; r + 1 < top.residueCount(); r++) {
            int n = top.indexOf(r, "N"), ca = top.indexOf(r, "CA"), c = top.indexOf(r, "C");
            int prevC = top.indexOf(r - 1, "C"), nextN = top.indexOf(r + 1, "N");
            if (n < 0 || ca < 0 || c < 0 || prevC < 0 || nextN < 0) continue;
            if (!bonded(bonds, prevC, n) || !bonded(bonds, c, nextN)) continue;
            int nextCa = top.indexOf(r + 1, "CA");
            if (nextCa < 0) nextCa = otherCarbon(top, bonds, nextN, c);
            out.add(new Residue(r, top.residueNames().get(r), prevC, n, ca, c, nextN, nextCa, top.indexOf(r, "CB")));
        }
        if (out.isEmpty()) throw new IllegalArgumentException("the topology has no residue with both backbone neighbours");
        return new BackboneAngles(out);
    }

    /** φ, ψ per residue and sample: out[s·2R + 2r] = φ, out[s·2R + 2r + 1] = ψ (x in any length unit, 3 per atom). */
    public double[] phiPsi(double[] x, int samples) {
        int dim = x.length / samples, per = 2 * residues.size();
        double[] out = new double[samples * per];
        for (int s = 0; s < samples; s++) {
            int o = s * dim;
            for (int r = 0; r < residues.size(); r++) {
                Residue q = residues.get(r);
                out[s * per + 2 * r] = dihedral(x, o, q.prevC, q.n, q.ca, q.c);
                out[s * per + 2 * r + 1] = dihedral(x, o, q.n, q.ca, q.c, q.nextN);
            }
        }
        return out;
    }

    /** ω per residue and sample (NaN where the next residue has no CA-like carbon). */
    public double[] omega(double[] x, int samples) {
        int dim = x.length / samples, per = residues.size();
        double[] out = new double[samples * per];
        for (int s = 0; s < samples; s++) {
            for (int r = 0; r < per; r++) {
                Residue q = residues.get(r);
                out[s * per + r] = q.nextCa < 0 ? Double.NaN : dihedral(x, s * dim, q.ca, q.c, q.nextN, q.nextCa);
            }
        }
        return out;
    }

    /**
     * The signed volume (N − CA)·((C − CA) × (CB − CA)) at each residue's Cα, per sample: positive for an
     * L-residue (CORN rule: with Hα toward the viewer, CO → R → N runs clockwise), negative for D; NaN for glycine
     * (no CB).
     */
    public double[] chiralVolumes(double[] x, int samples) {
        int dim = x.length / samples, per = residues.size();
        double[] out = new double[samples * per];
        for (int s = 0; s < samples; s++) {
            int o = s * dim;
            for (int r = 0; r < per; r++) {
                Residue q = residues.get(r);
                if (q.cb < 0) {
                    out[s * per + r] = Double.NaN;
                    continue;
                }
                double[] a = sub(x, o, q.n, q.ca), b = sub(x, o, q.c, q.ca), c = sub(x, o, q.cb, q.ca);
                out[s * per + r] = a[0] * (b[1] * c[2] - b[2] * c[1]) + a[1] * (b[2] * c[0] - b[0] * c[2]) + a[2] * (b[0] * c[1] - b[1] * c[0]);
            }
        }
        return out;
    }

    /** The dihedral angle of atoms i–j–k–l (IUPAC sign convention), radians on (−π, π]. */
    static double dihedral(double[] x, int o, int i, int j, int k, int l) {
        double[] b0 = sub(x, o, i, j), b1 = sub(x, o, k, j), b2 = sub(x, o, l, k);
        double n1 = norm(b1);
        for (int a = 0; a < 3; a++) b1[a] /= n1;
        double d0 = dot(b0, b1), d2 = dot(b2, b1);
        double[] v = new double[3], w = new double[3];
        for (int a = 0; a < 3; a++) {
            v[a] = b0[a] - d0 * b1[a];
            w[a] = b2[a] - d2 * b1[a];
        }
        double xx = dot(v, w);
        double[] c = {b1[1] * v[2] - b1[2] * v[1], b1[2] * v[0] - b1[0] * v[2], b1[0] * v[1] - b1[1] * v[0]};
        return Math.atan2(dot(c, w), xx);
    }

    private static double[] sub(double[] x, int o, int p, int q) {
        return new double[] {x[o + 3 * p] - x[o + 3 * q], x[o + 3 * p + 1] - x[o + 3 * q + 1], x[o + 3 * p + 2] - x[o + 3 * q + 2]};
    }

    private static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

    private static double norm(double[] a) { return Math.sqrt(dot(a, a)); }

    /** The carbon bonded to {@code n} other than {@code not}, or −1. */
    private static int otherCarbon(AmberTopology top, int[] bonds, int n, int not) {
        for (int i = 0; i < bonds.length; i += 2) {
            int other = bonds[i] == n ? bonds[i + 1] : bonds[i + 1] == n ? bonds[i] : -1;
            if (other >= 0 && other != not && top.elements().get(other).equals("C")) return other;
        }
        return -1;
    }

    private static boolean bonded(int[] bonds, int a, int b) {
        for (int i = 0; i < bonds.length; i += 2) if ((bonds[i] == a && bonds[i + 1] == b) || (bonds[i] == b && bonds[i + 1] == a)) return true;
        return false;
    }
}
