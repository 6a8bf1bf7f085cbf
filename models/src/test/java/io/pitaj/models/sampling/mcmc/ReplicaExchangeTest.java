package io.pitaj.models.sampling.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Parallel tempering across a barrier that traps a single cold chain. */
class ReplicaExchangeTest {
    private static final int CHAINS = 32;
    /** A barrier of ≈ 10 k_B T at the target temperature 1; the tilt makes the left well hold ≈ 3/4 of the mass. */
    private static final double BARRIER = 10;
    private static final double TILT = 0.5;

    /** Every chain starts in the shallower, right-hand well. */
    private static double[] rightWell() {
        double[] x = new double[CHAINS];
        Arrays.fill(x, 1.0);
        return x;
    }

    @Test
    void geometricLadderRunsFromColdToHotInConstantRatio() {
        double[] t = TemperatureLadder.geometric(300, 1200, 10);
        assertEquals(300, t[0]);
        assertEquals(1200, t[9]);
        assertEquals(300 * Math.pow(4, 4.0 / 9), t[4], 1e-9, "PITA's peptide rungs are 300·4^(k/9)");
    }

    @Test
    void coldRungRecoversTheWellPopulationsThatPlainMalaMisses() {
        try (TiltedDoubleWell target = new TiltedDoubleWell(BARRIER, TILT)) {
            double exactLeft = target.leftPopulation(1.0);
            assertTrue(exactLeft > 0.7, "exact left population " + exactLeft);
            Mala mala = Mala.adaptive(0.01);
            Schedule schedule = new Schedule(200, 400, 2);
            int movesPerRound = 5;

            McmcResult stuck = mala.run(target, 1.0, rightWell(), CHAINS,
                    new Schedule(movesPerRound * 200, 400, movesPerRound * 2), 1);
            double stuckLeft = ChainEstimate.of(stuck, (x, o) -> x[o] < 0 ? 1 : 0).mean();
            assertTrue(stuckLeft < 0.05, "plain MALA at the cold rung should stay in its well, left population " + stuckLeft);

            ReplicaExchange pt = new ReplicaExchange(mala, TemperatureLadder.geometric(1, 15, 7), movesPerRound, false);
            ReplicaExchangeResult r = pt.run(target, rightWell(), CHAINS, schedule, 2);
            ChainEstimate.of(r.coldSamples(), CHAINS, r.kept(), 1, (x, o) -> x[o] < 0 ? 1 : 0)
                    .assertMatches(exactLeft, 0.04, "cold-rung left population");
            ChainEstimate.of(r.coldSamples(), CHAINS, r.kept(), 1, (x, o) -> x[o] * x[o])
                    .assertMatches(target.expectation(x -> x * x, 1.0), 0.02, "cold-rung <x²>");
            for (int pair = 0; pair < 6; pair++) {
                double rate = r.swapAcceptanceRate(pair);
                assertTrue(rate > 0.2 && rate < 1, "swap acceptance of pair " + pair + ": " + rate);
                // the alternating scheme attempts each pair on every other round
                assertEquals(CHAINS * schedule.samplingSteps() / 2, r.swapAttempts()[pair]);
            }
            assertEquals(1, r.samples().length, "only the cold rung was kept");
        }
    }

    @Test
    void keepsEveryRungOnRequestAndIsReproducible() {
        try (TiltedDoubleWell target = new TiltedDoubleWell(BARRIER, TILT)) {
            ReplicaExchange pt = new ReplicaExchange(new LangevinMd(0.02, 1.0, null), TemperatureLadder.geometric(1, 15, 4), 5, true);
            Schedule schedule = new Schedule(10, 30, 1);
            ReplicaExchangeResult a = pt.run(target, rightWell(), CHAINS, schedule, 3), b = pt.run(target, rightWell(), CHAINS, schedule, 3);
            assertEquals(4, a.samples().length);
            for (int r = 0; r < 4; r++) assertArrayEquals(a.samples()[r], b.samples()[r]);
            assertArrayEquals(a.swapAccepted(), b.swapAccepted());
            // each rung keeps its own temperature's states: mean energy grows up the ladder
            double[] meanEnergy = new double[4];
            for (int r = 0; r < 4; r++) meanEnergy[r] = Arrays.stream(a.energies()[r]).average().orElseThrow();
            for (int r = 1; r < 4; r++) assertTrue(meanEnergy[r] > meanEnergy[r - 1], "mean energies " + Arrays.toString(meanEnergy));
        }
    }
}
