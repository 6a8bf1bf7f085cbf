package io.pitaj.models.targets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StandardisationTest {
    private static final GaussianMixture MOG4 = GaussianMixture.mog4();

    @Test
    void mog4IsCentredOnItsMeanAndScaledByItsRmsSpread() {
        Standardisation s = MOG4.standardisation();
        // by hand from mog4.json: μ̄ = Σ w μ; tr Cov = Σ w (tr Σ + |μ|²) − |μ̄|² = 1.05 + 12.35 − 0.331
        assertArrayEquals(new double[] {-0.475, 0.325}, s.centre(), 1e-12);
        assertEquals(Math.sqrt((1.05 + 12.35 - 0.475 * 0.475 - 0.325 * 0.325) / 2), s.scale(), 1e-12);
    }

    @Test
    void drawsOfTheMixtureHaveZeroMeanAndUnitSpreadInModelCoordinates() {
        int n = 200_000;
        double[] x = new double[2 * n];
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < n; i++) MOG4.drawSample(rng, x, 2 * i);
        MOG4.standardisation().toModel(x, x, n);
        double m0 = 0, m1 = 0, sq = 0;
        for (int i = 0; i < n; i++) {
            m0 += x[2 * i] / n;
            m1 += x[2 * i + 1] / n;
            sq += (x[2 * i] * x[2 * i] + x[2 * i + 1] * x[2 * i + 1]) / (2.0 * n);
        }
        assertEquals(0, m0, 0.01);
        assertEquals(0, m1, 0.01);
        assertEquals(1, sq, 0.01);
    }

    @Test
    void theMixtureInModelCoordinatesIsTheSameDensityUpToTheJacobian() {
        Standardisation s = MOG4.standardisation();
        GaussianMixture model = MOG4.inModelCoordinates();
        double[] x = {1.3, -2.1, -3.0, 0.4};
        double[] xm = new double[4];
        s.toModel(x, xm, 2);
        for (int i = 0; i < 2; i++) {
            double[] p = {x[2 * i], x[2 * i + 1]}, q = {xm[2 * i], xm[2 * i + 1]};
            double[] gp = new double[2], gq = new double[2];
            double lp = MOG4.noisedLogDensity(p, 0, gp), lq = model.noisedLogDensity(q, 0, gq);
            assertEquals(lp + 2 * Math.log(s.scale()), lq, 1e-10, "log density differs by log s^d");
            double[] mapped = gp.clone();
            s.gradientToModel(mapped, mapped, 1);
            assertArrayEquals(mapped, gq, 1e-10);
        }
        assertArrayEquals(MOG4.modeMasses(2), model.modeMasses(2), 1e-3);
    }

    @Test
    void physicalAndModelCoordinatesRoundTrip() {
        Standardisation s = MOG4.standardisation();
        double[] x = {0.5, -7, 3.25, 1e-3}, y = new double[4];
        s.toModel(x, y, 2);
        s.toPhysical(y, y, 2);
        assertArrayEquals(x, y, 1e-12);
        assertThrows(IllegalArgumentException.class, () -> s.toModel(new double[3], new double[4], 2));
        assertThrows(IllegalArgumentException.class, () -> new Standardisation(new double[] {0}, 0));
    }
}
