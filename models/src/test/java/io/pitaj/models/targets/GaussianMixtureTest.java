package io.pitaj.models.targets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianMixtureTest {
    private final GaussianMixture mog4 = GaussianMixture.mog4();
    private final GaussianMixture mix3d = TestMixtures.threeD();

    @Test
    void mog4IsTheIssuesMixture() {
        assertEquals("mog4", mog4.name());
        assertEquals(new ParticleLayout(1, 2), mog4.layout());
        assertArrayEquals(new double[] {0.45, 0.30, 0.15, 0.10}, mog4.weights(), 1e-15);
        assertArrayEquals(new double[] {0.5, -3.5}, mog4.mean(3));
        assertArrayEquals(new double[] {0.3, 0.4}, mog4.covariance(1)[1]);
        assertArrayEquals(new double[] {-0.15, 0.25}, mog4.covariance(3)[1]);
    }

    /**
     * The issue's numbers. At γ = 1 the Voronoi masses are not the weights: the wide third component (Σ = 1.5·I)
     * spills about 0.008 of its 0.15 into its neighbours' cells, whence (0.453, 0.303, 0.142, 0.101).
     */
    @Test
    void modeMassesMoveAsTheIssueSays() {
        assertArrayEquals(new double[] {0.45, 0.30, 0.14, 0.10}, mog4.modeMasses(1), 0.005);
        assertArrayEquals(new double[] {0.20, 0.28, 0.38, 0.14}, mog4.modeMasses(0.25), 0.01);
    }

    /** Quadrature at γ = 1 against the cell counts of exact draws (standard errors ≤ 0.0011 for 2·10⁵ draws). */
    @Test
    void modeMassesAtTheMixturesOwnTemperatureMatchExactDraws() {
        int n = 200_000;
        double[] x = new double[2], counts = new double[4];
        SplittableRandom rng = new SplittableRandom(11);
        for (int s = 0; s < n; s++) {
            mog4.drawSample(rng, x, 0);
            int best = 0;
            for (int c = 1; c < 4; c++) if (distance2(x, mog4.mean(c)) < distance2(x, mog4.mean(best))) best = c;
            counts[best] += 1.0 / n;
        }
        assertArrayEquals(counts, mog4.modeMasses(1), 0.005);
    }

    /**
     * The importance-sampled masses (the route for mixtures that are not 2-D) against quadrature on mog4 at the hot,
     * the own and a cold temperature: within 4 Monte-Carlo standard errors √(m(1 − m)/ESS); at γ = 1 the proposal is
     * the mixture, so every weight is equal and the ESS is the draw count.
     */
    @Test
    void sampledTemperedModeMassesMatchQuadrature() {
        int n = 100_000;
        for (double gamma : new double[] {0.25, 1, 2}) {
            double[] ess = new double[1];
            double[] sampled = mog4.modeMasses(gamma, n, 5, ess), exact = mog4.modeMasses(gamma);
            if (gamma == 1) assertEquals(n, ess[0], 1e-6 * n);
            assertTrue(ess[0] > 0.3 * n, "ESS " + ess[0] + " at γ = " + gamma);
            for (int c = 0; c < 4; c++) {
                double se = Math.sqrt(exact[c] * (1 - exact[c]) / ess[0]);
                assertEquals(exact[c], sampled[c], 4 * se + 2e-4, "γ = " + gamma + ", mode " + c);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> mix3d.modeMasses(0, 10, 1, null));
        assertEquals(1, java.util.Arrays.stream(mix3d.modeMasses(0.5, 1000, 1, null)).sum(), 1e-12);
    }

    @Test
    void sampleModeMassesAssignEachRowToItsNearestMean() {
        // mog4's means: (−3.5, 0), (3.5, 0.5), (0, 3.5), (0.5, −3.5)
        double[] x = {-3, 0.2, 3, 0, 0.1, 3, 0.4, -2, -3.4, -0.1};
        assertEquals(3, mog4.nearestMean(x, 6));
        assertArrayEquals(new double[] {0.5, 0.1, 0.2, 0.2}, mog4.modeMasses(x, new double[] {0.25, 0.1, 0.2, 0.2, 0.25}), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> mog4.modeMasses(x, new double[] {1}));
    }

    @Test
    void modeMassesNeedTwoDimensions() {
        assertThrows(UnsupportedOperationException.class, () -> mix3d.modeMasses(1));
        assertThrows(IllegalArgumentException.class, () -> mog4.modeMasses(0));
    }

    @Test
    void energyIsMinusLogOfTheDirectDensity() {
        SplittableRandom rng = new SplittableRandom(3);
        for (GaussianMixture m : new GaussianMixture[] {mog4, mix3d}) {
            for (int s = 0; s < 20; s++) {
                double[] x = point(rng, m.dimension(), 4);
                assertEquals(-Math.log(TestMixtures.directDensity(m, x, 0)), m.energy(x), 1e-10, m.name());
            }
        }
    }

    @Test
    void farFromEveryModeTheEnergyStaysFinite() {
        // p underflows to 0 there, so only log-sum-exp can give the energy: the nearest component dominates
        double[] x = {300, 0}, grad = new double[2];
        double e = mog4.energies(x, 1, new double[1], grad)[0];
        assertTrue(Double.isFinite(e) && e > 1e4, "E = " + e);
        assertTrue(Double.isFinite(grad[0]) && grad[0] > 0 && Double.isFinite(grad[1]), "∇E points away from the modes");
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(4);
        for (GaussianMixture m : new GaussianMixture[] {mog4, mix3d}) {
            int d = m.dimension();
            for (int s = 0; s < 10; s++) {
                double[] x = point(rng, d, 4), grad = new double[d];
                m.energies(x, 1, new double[1], grad);
                for (int j = 0; j < d; j++) {
                    double[] plus = x.clone(), minus = x.clone();
                    plus[j] += 1e-5;
                    minus[j] -= 1e-5;
                    assertEquals((m.energy(plus) - m.energy(minus)) / 2e-5, grad[j], 1e-6 * Math.max(1, Math.abs(grad[j])), m.name());
                }
            }
        }
    }

    @Test
    void noisedDensityIsTheMixtureWithWidenedCovariancesAndItsScoreIsTheGradient() {
        SplittableRandom rng = new SplittableRandom(5);
        for (double h : new double[] {1e-4, 0.3, 5, 400}) {
            for (int s = 0; s < 10; s++) {
                double[] x = point(rng, 3, 3 + Math.sqrt(h)), score = new double[3];
                double logP = mix3d.noisedLogDensity(x, h, score);
                assertEquals(Math.log(TestMixtures.directDensity(mix3d, x, h)), logP, 1e-10, "h " + h);
                double step = 1e-5 * Math.max(1, Math.sqrt(h));
                for (int j = 0; j < 3; j++) {
                    double[] plus = x.clone(), minus = x.clone();
                    plus[j] += step;
                    minus[j] -= step;
                    double numeric = (mix3d.noisedLogDensity(plus, h, null) - mix3d.noisedLogDensity(minus, h, null)) / (2 * step);
                    assertEquals(numeric, score[j], 1e-6 * Math.max(1, Math.abs(numeric)), "h " + h);
                }
            }
        }
        double[] x = {0.3, -0.2, 0.1};
        assertEquals(-mix3d.energy(x), mix3d.noisedLogDensity(x, 0, null), 1e-14);
    }

    @Test
    void exactDrawsHaveTheMixturesMeanAndCovariance() {
        int n = 400_000, d = 3;
        double[] w = mix3d.weights(), mean = new double[d];
        double[][] second = new double[d][d];
        for (int c = 0; c < 3; c++) {
            double[] mu = mix3d.mean(c);
            double[][] s = mix3d.covariance(c);
            for (int i = 0; i < d; i++) {
                mean[i] += w[c] * mu[i];
                for (int j = 0; j < d; j++) second[i][j] += w[c] * (s[i][j] + mu[i] * mu[j]);
            }
        }
        double[] sum = new double[d], x = new double[d];
        double[][] sumSq = new double[d][d];
        SplittableRandom rng = new SplittableRandom(6);
        for (int s = 0; s < n; s++) {
            mix3d.drawSample(rng, x, 0);
            for (int i = 0; i < d; i++) {
                sum[i] += x[i];
                for (int j = 0; j < d; j++) sumSq[i][j] += x[i] * x[j];
            }
        }
        // variances are ≤ 3, so the standard errors are ≤ 0.003 (means) and ≤ 0.01 (second moments)
        for (int i = 0; i < d; i++) {
            assertEquals(mean[i], sum[i] / n, 0.012, "mean " + i);
            for (int j = 0; j < d; j++) {
                double cov = second[i][j] - mean[i] * mean[j];
                assertEquals(cov, sumSq[i][j] / n - sum[i] * sum[j] / ((double) n * n), 0.04, "covariance " + i + j);
            }
        }
    }

    private static double[] point(SplittableRandom rng, int d, double scale) {
        double[] x = new double[d];
        for (int j = 0; j < d; j++) x[j] = rng.nextDouble(-scale, scale);
        return x;
    }

    private static double distance2(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) s += (a[j] - b[j]) * (a[j] - b[j]);
        return s;
    }
}
