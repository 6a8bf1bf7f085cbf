package io.pitaj.models.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.models.forcefield.PeptideSystems;
import io.pitaj.models.forcefield.PeptideTarget;
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

    /**
     * Torsion diagnostics see what the energy cannot: chains in ALDP's structure and chains in its mirror image have
     * the same energy distribution (the force field is achiral) but opposite φ and ψ, so their torsion R-hat is far
     * above 1, while chains that all jitter about one structure give R-hat near 1.
     */
    @Test
    void torsionRhatSeparatesChainsStuckInMirrorBasins() {
        try (PeptideTarget aldp = PeptideSystems.aldp()) {
            BackboneAngles angles = BackboneAngles.of(aldp.topology());
            // the shipped structure is fully extended (φ = ψ = 180°, its own mirror image): distort it until φ and ψ are not
            double[] ref = PeptideSystems.referencePositionsNm("aldp"), s;
            SplittableRandom rng = new SplittableRandom(8);
            double[] pp;
            do {
                s = ref.clone();
                for (int j = 0; j < s.length; j++) s[j] += 0.05 * rng.nextGaussian();
                pp = angles.phiPsi(s, 1);
            } while (Math.abs(Math.sin(pp[0])) < 0.5 || Math.abs(Math.sin(pp[1])) < 0.5);
            int chains = 4, perChain = 50, d = s.length;
            double[] mixed = new double[chains * perChain * d], stuck = new double[mixed.length];
            for (int c = 0; c < chains; c++) {
                for (int k = 0; k < perChain; k++) {
                    int o = (c * perChain + k) * d;
                    for (int j = 0; j < d; j++) {
                        double jitter = 0.005 * rng.nextGaussian();
                        mixed[o + j] = s[j] + jitter;
                        stuck[o + j] = (c % 2 == 1 && j % 3 == 0 ? -s[j] : s[j]) + jitter;
                    }
                }
            }
            ConvergenceDiagnostics.Summary good = ConvergenceDiagnostics.torsions(angles, mixed, chains, perChain);
            ConvergenceDiagnostics.Summary bad = ConvergenceDiagnostics.torsions(angles, stuck, chains, perChain);
            assertTrue(good.rhat() < 1.1, "one basin: R-hat " + good.rhat());
            assertTrue(bad.rhat() > 2, "mirror basins: R-hat " + bad.rhat());
            assertTrue(good.ess() > 0.5 * chains * perChain, "independent jitter: ESS " + good.ess());
        }
    }
}
