package io.pitaj.models.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.models.forcefield.PeptideSystems;
import io.pitaj.models.forcefield.PeptideTarget;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackboneAnglesTest {
    /** Blondel and Karplus's atan2(|b2|·b1·(b2 × b3), (b1 × b2)·(b2 × b3)) over consecutive bond vectors (independent). */
    private static double textbook(double[][] p) {
        double[] b1 = minus(p[1], p[0]), b2 = minus(p[2], p[1]), b3 = minus(p[3], p[2]);
        return Math.atan2(Math.sqrt(dot(b2, b2)) * dot(b1, cross(b2, b3)), dot(cross(b1, b2), cross(b2, b3)));
    }

    private static double[] minus(double[] a, double[] b) { return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

    @Test
    void dihedralsAgreeWithTheTextbookFormulaAndAKnownAngle() {
        // i on +x, the axis j→k along +z, l rotated by 60° about the axis: the dihedral is +60° (IUPAC)
        double t = Math.toRadians(60);
        double[] x = {1, 0, 0, 0, 0, 0, 0, 0, 1, Math.cos(t), Math.sin(t), 1};
        assertEquals(t, BackboneAngles.dihedral(x, 0, 0, 1, 2, 3), 1e-12);
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 100; trial++) {
            double[] y = new double[12];
            double[][] p = new double[4][3];
            for (int i = 0; i < 12; i++) y[i] = p[i / 3][i % 3] = r.nextGaussian();
            assertEquals(textbook(p), BackboneAngles.dihedral(y, 0, 0, 1, 2, 3), 1e-10);
        }
    }

    @Test
    void aldpHasOneAlanineWhoseCentreIsLAndWhoseMirrorImageIsD() {
        try (PeptideTarget aldp = PeptideSystems.aldp()) {
            BackboneAngles b = BackboneAngles.of(aldp.topology());
            assertEquals(1, b.residues().size());
            assertEquals("ALA", b.residues().get(0).name());
            double[] x = PeptideSystems.referencePositionsNm("aldp");
            double[] mirror = x.clone();
            for (int i = 0; i < mirror.length; i += 3) mirror[i] = -mirror[i];
            assertTrue(b.chiralVolumes(x, 1)[0] > 0, "the shipped L-alanine");
            assertTrue(b.chiralVolumes(mirror, 1)[0] < 0, "its mirror image");
            // a mirror flips the sign of every torsion
            double[] pp = b.phiPsi(x, 1), mp = b.phiPsi(mirror, 1);
            assertEquals(-pp[0], mp[0], 1e-12);
            assertEquals(-pp[1], mp[1], 1e-12);
            assertEquals(Math.PI, Math.abs(b.omega(x, 1)[0]), 0.35, "a trans peptide bond");
        }
    }

    @Test
    void al3HasItsMiddleResidueAndAl4ItsTwoInnerOnes() {
        try (PeptideTarget al3 = PeptideSystems.al3(); PeptideTarget al4 = PeptideSystems.al4()) {
            assertEquals(1, BackboneAngles.of(al3.topology()).residues().size());
            assertEquals(2, BackboneAngles.of(al4.topology()).residues().size());
            BackboneAngles b = BackboneAngles.of(al4.topology());
            for (double v : b.chiralVolumes(PeptideSystems.referencePositionsNm("al4"), 1)) assertTrue(v > 0, "L-alanines");
        }
    }
}
