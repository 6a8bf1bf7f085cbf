package io.pitaj.models.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResamplerTest {
    private static final double[] LOG_W = logs(0.05, 0.4, 0.1, 0.0, 0.25, 0.2);

    private static double[] logs(double... w) {
        double[] l = new double[w.length];
        for (int i = 0; i < w.length; i++) l[i] = Math.log(w[i]);
        return l;
    }

    /** Offspring counts of particle i over many resamplings: mean and variance per particle. */
    private static double[][] offspringMoments(Resampler r, double[] logW, int reps, long seed) {
        int n = logW.length;
        double[] sum = new double[n], sumSq = new double[n];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int rep = 0; rep < reps; rep++) {
            int[] counts = new int[n];
            for (int a : r.ancestors(logW, rng)) counts[a]++;
            for (int i = 0; i < n; i++) {
                sum[i] += counts[i];
                sumSq[i] += (double) counts[i] * counts[i];
            }
        }
        double[] mean = new double[n], var = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = sum[i] / reps;
            var[i] = sumSq[i] / reps - mean[i] * mean[i];
        }
        return new double[][] {mean, var};
    }

    @ParameterizedTest
    @EnumSource(Resampler.class)
    void expectedOffspringIsNTimesWeight(Resampler r) {
        int reps = 20_000, n = LOG_W.length;
        double[][] m = offspringMoments(r, LOG_W, reps, 7);
        double[] p = LogWeights.probabilities(LOG_W);
        for (int i = 0; i < n; i++) {
            double expected = n * p[i];
            // the multinomial variance bounds every scheme's: N p (1 − p)
            double se = Math.sqrt(n * p[i] * (1 - p[i]) / reps);
            assertEquals(expected, m[0][i], 4 * se + 1e-12, r + " particle " + i);
        }
        assertEquals(0, m[0][3], 0, "a zero weight never has offspring");
    }

    @Test
    void systematicHasTheLowestVariance() {
        double total = Double.MAX_VALUE;
        double systematic = 0;
        for (Resampler r : Resampler.values()) {
            double v = 0;
            for (double x : offspringMoments(r, LOG_W, 20_000, 11)[1]) v += x;
            if (r == Resampler.SYSTEMATIC) systematic = v;
            else total = Math.min(total, v);
        }
        assertTrue(systematic < total, "systematic variance " + systematic + " vs the best other " + total);
        double multinomial = 0;
        for (double x : offspringMoments(Resampler.MULTINOMIAL, LOG_W, 20_000, 11)[1]) multinomial += x;
        assertTrue(systematic < 0.5 * multinomial, "systematic " + systematic + " vs multinomial " + multinomial);
    }

    @ParameterizedTest
    @EnumSource(Resampler.class)
    void equalWeightsKeepEveryParticleUnderTheDeterministicSchemes(Resampler r) {
        int[] a = r.ancestors(new double[8], new SplittableRandom(3));
        assertEquals(8, a.length);
        if (r == Resampler.SYSTEMATIC || r == Resampler.RESIDUAL) assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, a);
    }

    @ParameterizedTest
    @EnumSource(Resampler.class)
    void oneSurvivorTakesEverything(Resampler r) {
        double ninf = Double.NEGATIVE_INFINITY;
        assertArrayEquals(new int[] {2, 2, 2, 2}, r.ancestors(new double[] {ninf, ninf, 5, ninf}, new SplittableRandom(1)));
        assertArrayEquals(new int[] {1, 1, 1, 1}, r.ancestors(new double[] {0, Double.POSITIVE_INFINITY, 3, -2}, new SplittableRandom(1)));
    }

    @ParameterizedTest
    @EnumSource(Resampler.class)
    void degenerateWeightsAreAClearError(Resampler r) {
        double ninf = Double.NEGATIVE_INFINITY;
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> r.ancestors(new double[] {0, Double.NaN, 1}, new SplittableRandom(1)));
        assertTrue(nan.getMessage().contains("particle 1 is NaN"), nan.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> r.ancestors(new double[] {ninf, ninf}, new SplittableRandom(1)));
        assertTrue(zero.getMessage().contains("every weight is zero"), zero.getMessage());
    }

    @Test
    void hugeLogWeightsDoNotOverflow() {
        // 1e6 + ln 3 is rounded to the ulp of 1e6 (1.2e-10), hence the tolerance
        double[] p = LogWeights.probabilities(new double[] {1e6, 1e6 + Math.log(3)});
        assertEquals(0.25, p[0], 1e-9);
        assertEquals(0.75, p[1], 1e-9);
    }

    @Test
    void parsesTheCliNames() {
        for (Resampler r : Resampler.values()) assertEquals(r, Resampler.parse(r.label()));
        assertThrows(IllegalArgumentException.class, () -> Resampler.parse("bootstrap"));
    }
}
