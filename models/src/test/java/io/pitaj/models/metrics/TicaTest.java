package io.pitaj.models.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.models.forcefield.PeptideSystems;
import io.pitaj.models.forcefield.PeptideTarget;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TicaTest {
    @Test
    void findsTheSlowCoordinateOfMixedAutoregressiveProcesses() {
        // slow s (AR(1), ρ = 0.99) and fast f (ρ = 0.1), seen only through three mixed features
        int n = 60_000, dim = 3;
        SplittableRandom r = new SplittableRandom(2);
        double[] x = new double[n * dim], slow = new double[n];
        double s = 0, f = 0;
        for (int t = 0; t < n; t++) {
            s = 0.99 * s + Math.sqrt(1 - 0.99 * 0.99) * r.nextGaussian();
            f = 0.1 * f + Math.sqrt(1 - 0.01) * r.nextGaussian();
            slow[t] = s;
            x[t * dim] = s + f;
            x[t * dim + 1] = s - 2 * f;
            x[t * dim + 2] = 0.5 * f + 0.3 * r.nextGaussian();
        }
        Tica tica = Tica.fit(x, n, dim, 1);
        assertEquals(0.99, tica.eigenvalues()[0], 0.005);
        assertTrue(tica.eigenvalues()[1] < 0.2, "second " + tica.eigenvalues()[1]);
        double[] p = tica.project(x, n, 1);
        double sxy = 0, sxx = 0, syy = 0;
        for (int t = 0; t < n; t++) {
            sxy += p[t] * slow[t];
            sxx += p[t] * p[t];
            syy += slow[t] * slow[t];
        }
        assertTrue(Math.abs(sxy / Math.sqrt(sxx * syy)) > 0.98, "correlation with the slow coordinate");
    }

    @Test
    void aldpFeaturesAreTheHeavyAtomDistancesAndSixTorsionTerms() {
        try (PeptideTarget aldp = PeptideSystems.aldp()) {
            TicaFeatures f = new TicaFeatures(aldp.topology());
            long heavy = aldp.topology().elements().stream().filter(e -> e.equals("C") || e.equals("N") || e.equals("S")).count();
            assertEquals(heavy * (heavy - 1) / 2 + 6, f.dimension());
            double[] row = f.of(PeptideSystems.referencePositionsNm("aldp"), 1);
            int d = f.dimension();
            for (int k = d - 6; k < d; k += 2) assertEquals(1, row[k] * row[k] + row[k + 1] * row[k + 1], 1e-12, "sin² + cos²");
        }
    }
}
