package io.pitaj.models.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DoubleWellTest {
    private final DoubleWell dw = new DoubleWell();

    @Test
    void squareOfSideD0HasOnlyItsDiagonalsOffTheMinimumDistance() {
        double[] square = {0, 0, 4, 0, 4, 4, 0, 4};
        double s = 4 * Math.sqrt(2) - 4;
        assertEquals(2 * (0.9 * Math.pow(s, 4) - 4 * s * s), dw.energy(square), 1e-12);
    }

    @Test
    void invariantUnderRotationTranslationAndPermutation() {
        SplittableRandom rng = new SplittableRandom(9);
        double[] x = new double[dw.dimension()];
        dw.jitteredRing(rng, x, 0);
        double e = dw.energy(x);
        double tol = 1e-12 * Math.max(1, Math.abs(e));
        assertEquals(e, dw.energy(Configurations.translated(x, 2, new double[] {-7.5, 2.25})), tol);
        assertEquals(e, dw.energy(Configurations.rotated(x, 2, Configurations.rotation2d(1.234))), tol);
        assertEquals(e, dw.energy(Configurations.permuted(x, 2)), tol);
    }

    @Test
    void coincidentParticlesGiveAFiniteGradient() {
        double[] x = {1, 1, 1, 1, 5, 1, 1, 5};
        double[] grad = new double[8];
        dw.energies(x, 1, new double[1], grad);
        for (double g : grad) assertEquals(true, Double.isFinite(g));
    }
}
