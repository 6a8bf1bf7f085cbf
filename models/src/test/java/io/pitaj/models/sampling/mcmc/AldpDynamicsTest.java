package io.pitaj.models.sampling.mcmc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.models.systems.ConfigurationBatch;
import io.pitaj.models.systems.SystemCatalog;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.models.targets.Target;
import org.junit.jupiter.api.Test;

/** Molecular dynamics on the real alanine dipeptide force field, in nm, ps, amu and kJ/mol. */
class AldpDynamicsTest {
    @Test
    void minimisedDynamicsAt300KelvinHasAKineticTemperatureNear300() {
        int chains = 6;
        ConfigurationBatch batch = SystemCatalog.builtIn().get("aldp").sampleBatch(TargetOptions.DEFAULTS, chains, 8);
        try (Target target = batch.target()) {
            double[] start = new double[chains];
            target.energies(batch.x(), chains, start, null);
            // 1 fs steps as PITA; 10 ps⁻¹ instead of PITA's 0.3 ps⁻¹ so that kinetic energy equilibrates within the
            // test's 200-step burn-in (relaxation time 1/(2γ) = 50 fs) instead of ~2 ps
            LangevinMd md = new LangevinMd(0.001, 10.0, new EnergyMinimiser(10, 500, 0.01));
            MdResult r = md.run(target, 300, batch.x(), chains, new Schedule(200, 20, 10), 9);
            for (int c = 0; c < chains; c++) {
                assertTrue(r.minimisedMaxForce()[c] < 2000, "minimisation removed the jitter's strain, got " + r.minimisedMaxForce()[c]);
            }
            assertTrue(r.kineticTemperature() > 255 && r.kineticTemperature() < 345, "kinetic temperature " + r.kineticTemperature() + " K");
            double meanStart = 0, meanFrame = 0;
            for (double e : start) meanStart += e / chains;
            for (double e : r.potentialEnergies()) {
                assertTrue(Double.isFinite(e), "frame energy " + e);
                meanFrame += e / r.potentialEnergies().length;
            }
            // jittered starts carry bond strain far above thermal energy; 300 K frames sit well below them
            assertTrue(meanFrame < meanStart, "mean frame energy " + meanFrame + " vs jittered start " + meanStart);
            assertTrue(MeanFreeTest.largestCentroid(r.frames(), chains * r.kept(), 22, 3) < 1e-12);
            assertTrue(r.counts().targetForces() > chains * 400L && r.counts().targetEnergies() == 0);
        }
    }
}
