package io.pitaj.models.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConvergenceDiagnosticsTest {
    private static double[][] ar1(int chains, int n, double rho, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[chains][n];
        for (double[] c : x) {
            double v = r.nextGaussian();
            for (int i = 0; i < n; i++) c[i] = v = rho * v + Math.sqrt(1 - rho * rho) * r.nextGaussian();
        }
        return x;
    }

    @Test
    void autocorrelationTimeOfAnAr1ProcessIsOnePlusRhoOverOneMinusRho() {
        double[][] x = ar1(8, 20_000, 0.9, 1);
        assertEquals(19, ConvergenceDiagnostics.integratedAutocorrelationTime(x), 1.5);
        assertEquals(8 * 20_000 / 19.0, ConvergenceDiagnostics.effectiveSampleSize(x), 800);
        assertEquals(1, ConvergenceDiagnostics.integratedAutocorrelationTime(ar1(4, 20_000, 0, 2)), 0.1);
    }

    @Test
    void rhatIsOneForMixedChainsAndLargeWhenAChainSitsElsewhere() {
        double[][] x = ar1(4, 4000, 0.5, 3);
        assertEquals(1, ConvergenceDiagnostics.splitRhat(x), 0.01);
        for (int i = 0; i < 4000; i++) x[2][i] += 3;
        assertTrue(ConvergenceDiagnostics.splitRhat(x) > 1.5, "a stuck chain");
        // a drift within each chain shows in the split halves even when the chains agree with each other
        double[][] d = ar1(4, 4000, 0.5, 4);
        for (double[] c : d) for (int i = 0; i < 4000; i++) c[i] += i / 1000.0;
        assertTrue(ConvergenceDiagnostics.splitRhat(d) > 1.2, "drift");
    }
}
