package io.pitaj.models.sampling.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** MALA, HMC and NUTS against exact moments, their step-size adaptation and their reproducibility. */
class KernelMomentsTest {
    private static final int CHAINS = 48;

    /** Each kernel with a schedule of similar cost, and the acceptance its warm-up aims for. */
    static Stream<Arguments> kernels() {
        return Stream.of(
                Arguments.of("MALA", Mala.adaptive(0.1), new Schedule(400, 200, 5), Mala.DEFAULT_TARGET_ACCEPTANCE),
                Arguments.of("HMC", Hmc.adaptive(0.2, 8), new Schedule(200, 200, 1), Hmc.DEFAULT_TARGET_ACCEPTANCE),
                Arguments.of("NUTS", Nuts.adaptive(0.2), new Schedule(200, 200, 1), Nuts.DEFAULT_TARGET_ACCEPTANCE));
    }

    private static McmcResult run(MarkovKernel kernel, io.pitaj.models.targets.Target target, double temperature,
                                  double[] x0, Schedule schedule, long seed) {
        return ChainRunner.sample(kernel, target, temperature, x0, CHAINS, schedule, seed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void harmonicOscillatorMeanAndVariance(String name, MarkovKernel kernel, Schedule schedule, double targetAcceptance) {
        try (HarmonicOscillator target = new HarmonicOscillator(4, 2.0)) {
            double temperature = 1.5;
            McmcResult r = run(kernel, target, temperature, Starts.gaussian(CHAINS, 4, 2.0, 1), schedule, 11);
            ChainEstimate.of(r, ChainEstimate.coordinateMean(4)).assertMatches(0, 0.03, name + " mean");
            ChainEstimate.of(r, ChainEstimate.coordinateSquare(4)).assertMatches(target.variance(temperature), 0.03, name + " variance");
            assertTrue(r.counts().targetForces() >= (long) CHAINS * (schedule.warmupSteps() + schedule.samplingSteps()));
            assertEquals(0, r.counts().targetEnergies());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void doubleWellSecondMomentAndWellPopulation(String name, MarkovKernel kernel, Schedule schedule, double targetAcceptance) {
        try (TiltedDoubleWell target = new TiltedDoubleWell(1.0, 0.5)) {
            Schedule longer = new Schedule(schedule.warmupSteps(), 2 * schedule.samples(), schedule.thinning());
            McmcResult r = run(kernel, target, 1.0, Starts.gaussian(CHAINS, 1, 1.0, 2), longer, 12);
            ChainEstimate.of(r, (x, o) -> x[o] * x[o]).assertMatches(target.expectation(x -> x * x, 1.0), 0.03, name + " <x²>");
            double left = target.leftPopulation(1.0);
            assertTrue(left > 0.6, "the tilt should make the left well clearly the deeper one, got " + left);
            ChainEstimate.of(r, (x, o) -> x[o] < 0 ? 1 : 0).assertMatches(left, 0.03, name + " left-well population");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void warmUpTunesTheStepTowardTheTargetAcceptance(String name, MarkovKernel kernel, Schedule schedule, double targetAcceptance) {
        try (HarmonicOscillator target = new HarmonicOscillator(10, 1.0)) {
            McmcResult r = run(kernel, target, 1.0, Starts.gaussian(CHAINS, 10, 1.0, 3), new Schedule(500, 100, 1), 13);
            assertEquals(targetAcceptance, r.meanAcceptance(), 0.05, name + " acceptance after warm-up");
            // started at 0.1–0.2; a unit Gaussian in 10-D wants steps near 1
            assertTrue(Arrays.stream(r.stepSizes()).allMatch(s -> s > 0.5 && s < 2), name + " step sizes " + Arrays.toString(r.stepSizes()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void sameSeedGivesIdenticalSamples(String name, MarkovKernel kernel, Schedule schedule, double targetAcceptance) {
        try (TiltedDoubleWell target = new TiltedDoubleWell(1.0, 0.5)) {
            Schedule shorter = new Schedule(20, 20, 1);
            double[] x0 = Starts.gaussian(CHAINS, 1, 1.0, 4);
            McmcResult a = run(kernel, target, 1.0, x0, shorter, 5), b = run(kernel, target, 1.0, x0, shorter, 5);
            assertArrayEquals(a.samples(), b.samples());
            assertArrayEquals(a.stepSizes(), b.stepSizes());
            assertFalse(Arrays.equals(a.samples(), run(kernel, target, 1.0, x0, shorter, 6).samples()));
        }
    }
}
