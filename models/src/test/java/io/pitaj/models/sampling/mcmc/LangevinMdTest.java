package io.pitaj.models.sampling.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** BAOAB dynamics in reduced units: sampled moments, energy conservation without friction, reproducibility. */
class LangevinMdTest {
    private static final int CHAINS = 48;

    @Test
    void harmonicOscillatorMeanAndVariance() {
        try (HarmonicOscillator target = new HarmonicOscillator(4, 2.0)) {
            double temperature = 1.5;
            MdResult r = new LangevinMd(0.1, 1.0, null).run(target, temperature, Starts.gaussian(CHAINS, 4, 2.0, 1), CHAINS,
                    new Schedule(300, 200, 10), 31);
            ChainEstimate.of(r, ChainEstimate.coordinateMean(4)).assertMatches(0, 0.03, "mean");
            // BAOAB samples a harmonic potential's positions without discretisation error
            ChainEstimate.of(r, ChainEstimate.coordinateSquare(4)).assertMatches(target.variance(temperature), 0.03, "variance");
            assertEquals(temperature, r.kineticTemperature(), 0.1);
            assertEquals((long) CHAINS * (1 + 300 + 2000), r.counts().targetForces());
        }
    }

    @Test
    void doubleWellSecondMomentAndWellPopulation() {
        try (TiltedDoubleWell target = new TiltedDoubleWell(1.0, 0.5)) {
            MdResult r = new LangevinMd(0.05, 1.0, null).run(target, 1.0, Starts.gaussian(CHAINS, 1, 1.0, 2), CHAINS,
                    new Schedule(400, 400, 10), 32);
            ChainEstimate.of(r, (x, o) -> x[o] * x[o]).assertMatches(target.expectation(x -> x * x, 1.0), 0.03, "<x²>");
            ChainEstimate.of(r, (x, o) -> x[o] < 0 ? 1 : 0).assertMatches(target.leftPopulation(1.0), 0.03, "left-well population");
        }
    }

    /** Largest spread of E + KE along any chain's trajectory over a fixed simulated time. */
    private static double energyDrift(TiltedDoubleWell target, double timeStep, int chains) {
        int steps = (int) Math.round(10.0 / timeStep);
        MdResult r = new LangevinMd(timeStep, 0, null).run(target, 1.0, Starts.gaussian(chains, 1, 0.5, 3), chains,
                new Schedule(0, steps, 1), 33);
        double worst = 0;
        for (int c = 0; c < chains; c++) {
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < r.kept(); k++) {
                double h = r.potentialEnergies()[c * r.kept() + k] + r.kineticEnergies()[c * r.kept() + k];
                min = Math.min(min, h);
                max = Math.max(max, h);
            }
            worst = Math.max(worst, max - min);
        }
        return worst;
    }

    @Test
    void withoutFrictionEnergyErrorShrinksWithTheSquareOfTheStep() {
        try (TiltedDoubleWell target = new TiltedDoubleWell(1.0, 0.5)) {
            double coarse = energyDrift(target, 0.02, 8), fine = energyDrift(target, 0.01, 8);
            assertTrue(coarse > 0 && coarse < 0.05, "velocity Verlet keeps energy to O(dt²), got " + coarse);
            double ratio = coarse / fine;
            assertTrue(ratio > 2.5 && ratio < 6, "halving dt should cut the drift about 4×, got " + ratio);
        }
    }

    @Test
    void sameSeedGivesIdenticalTrajectoriesAndTheRelaxerMatchesTheRun() {
        try (TiltedDoubleWell target = new TiltedDoubleWell(1.0, 0.5)) {
            double[] x0 = Starts.gaussian(8, 1, 1.0, 4);
            LangevinMd md = new LangevinMd(0.05, 1.0, null);
            MdResult a = md.run(target, 1.0, x0, 8, new Schedule(0, 50, 1), 5), b = md.run(target, 1.0, x0, 8, new Schedule(0, 50, 1), 5);
            assertArrayEquals(a.frames(), b.frames());
            Relaxation relaxed = md.relax(target, 1.0, x0, 8, 50, 5);
            assertArrayEquals(a.finalPositions(), relaxed.positions());
            assertEquals(a.counts(), relaxed.counts());
        }
    }
}
