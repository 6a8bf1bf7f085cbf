package io.pitaj.models.sampling.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.models.systems.ConfigurationBatch;
import io.pitaj.models.systems.SystemCatalog;
import io.pitaj.models.systems.TargetOptions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** PITA's MALA_POST relaxation: its step-size rule, its cost, and what it leaves alone. */
class MalaPostTest {
    @Test
    void theReleasedStepOf1e13DoesNothingVisible() {
        try (HarmonicOscillator target = new HarmonicOscillator(5, 1.0)) {
            double[] x = Starts.gaussian(16, 5, 3.0, 1);
            Relaxation r = new MalaPost(1e-13).relax(target, 1.0, x, 16, 5, 2);
            for (int i = 0; i < x.length; i++) assertEquals(x[i], r.positions()[i], 1e-5);
            assertEquals(1e-13 * Math.pow(1.1, 5), r.stepSize(), 1e-20, "tiny steps are always accepted, so dt grows every step");
            assertEquals(16 * 6, r.counts().targetForces(), "one evaluation of the start, one per step");
        }
    }

    @Test
    void aUsableStepRelaxesOverdispersedStartsToEquilibrium() {
        try (HarmonicOscillator target = new HarmonicOscillator(5, 1.0)) {
            int n = 256;
            Relaxation r = new MalaPost(0.01).relax(target, 1.0, Starts.gaussian(n, 5, 3.0, 1), n, 300, 2);
            double meanEnergy = Arrays.stream(r.energies()).average().orElseThrow();
            // exact ⟨E⟩ = D/2 = 2.5 with sd √(D/2) per sample; the start has ⟨E⟩ = 22.5
            assertEquals(2.5, meanEnergy, 4 * Math.sqrt(2.5 / n) + 0.1);
            assertTrue(r.acceptance() > 0.4 && r.acceptance() < 0.7, "the rule holds acceptance near 0.55, got " + r.acceptance());
            assertArrayEquals(r.positions(), new MalaPost(0.01).relax(target, 1.0, Starts.gaussian(n, 5, 3.0, 1), n, 300, 2).positions());
        }
    }

    @Test
    void configurationsWithoutFiniteDensityAreLeftUntouched() {
        ConfigurationBatch batch = SystemCatalog.builtIn().get("lj13").sampleBatch(TargetOptions.DEFAULTS, 4, 3);
        try (var target = batch.target()) {
            double[] x = batch.x().clone();
            int d = target.dimension();
            System.arraycopy(x, d, x, d + 3, 3); // chain 1: particle 1 on top of particle 0
            io.pitaj.models.targets.Centring.removeMean(x, d, 13, 3);
            assertFalse(Double.isFinite(target.energy(Arrays.copyOfRange(x, d, 2 * d))));
            Relaxation r = new MalaPost(1e-4).relax(target, 1.0, x, 4, 10, 4);
            assertArrayEquals(Arrays.copyOfRange(x, d, 2 * d), Arrays.copyOfRange(r.positions(), d, 2 * d), 1e-12);
            assertFalse(Arrays.equals(Arrays.copyOfRange(x, 0, d), Arrays.copyOfRange(r.positions(), 0, d)));
        }
    }
}
