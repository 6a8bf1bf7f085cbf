package io.pitaj.models.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LennardJonesTest {
    /** Unit equilateral triangle: three pairs at r = r_m (LJ = −1 each), Σ|x_i − x̄|² = 3 · (1/√3)² = 1. */
    private static final double[] UNIT_TRIANGLE = {0, 0, 0, 1, 0, 0, 0.5, Math.sqrt(3) / 2, 0};

    @Test
    void unitTriangleInThePitaDemConvention() {
        LennardJones lj = new LennardJones("lj3", 3, PairConvention.PITA_DEM, 1.0);
        assertEquals(-5.5, lj.energy(UNIT_TRIANGLE), 1e-12);
    }

    @Test
    void unitTriangleInTheBgflowConvention() {
        LennardJones lj = new LennardJones("lj3", 3, PairConvention.BGFLOW_EACF, 1.0);
        assertEquals(-2.5, lj.energy(UNIT_TRIANGLE), 1e-12);
    }

    @Test
    void invariantUnderRotationTranslationAndPermutation() {
        LennardJones lj = new LennardJones("lj13", 13, PairConvention.PITA_DEM, 1.0);
        SplittableRandom rng = new SplittableRandom(5);
        double[] x = new double[lj.dimension()];
        lj.jitteredLattice(rng, x, 0);
        double e = lj.energy(x);
        double tol = 1e-10 * Math.abs(e);
        assertEquals(e, lj.energy(Configurations.translated(x, 3, new double[] {3.5, -1.25, 10})), tol);
        assertEquals(e, lj.energy(Configurations.rotated(x, 3, Configurations.rotation3d(rng))), tol);
        assertEquals(e, lj.energy(Configurations.permuted(x, 3)), tol);
    }

    @Test
    void harmonicTermAloneForWidelySeparatedPair() {
        // at r = 100 the pair term is ~1e-12; ½·k·Σ|x_i − x̄|² = ½ · 2 · 2 · 50² = 5000
        LennardJones lj = new LennardJones("lj2", 2, PairConvention.BGFLOW_EACF, 2.0);
        assertEquals(5000, lj.energy(new double[] {-50, 0, 0, 50, 0, 0}), 1e-9);
    }
}
