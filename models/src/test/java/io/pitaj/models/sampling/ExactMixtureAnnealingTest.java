package io.pitaj.models.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.models.nets.NoiseSchedule;
import io.pitaj.models.runtime.SessionSettings;
import io.pitaj.models.targets.GaussianMixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Feynman–Kac SMC on mog4's closed-form model (four components of unequal widths, so tempering moves mass between
 * them): the annealed population must follow p^γ, whose mode masses the mixture computes by quadrature. The error
 * bars come from R independent runs (the spread of their estimates), not from a binomial formula that would ignore
 * the correlation resampling creates. Sizes: 16 runs of 600 particles, 400 steps; with 8 runs the standard error is
 * itself so uncertain (7 degrees of freedom) that a correct sampler failed |z| < 3 on one of its eight comparisons
 * after an unrelated change of random streams.
 */
class ExactMixtureAnnealingTest {
    private static final GaussianMixture MOG4 = GaussianMixture.mog4();
    private static final NoiseSchedule SCHEDULE = NoiseSchedule.edm(0.01);
    private static final AnnealingModel MODEL = AnnealingModel.exactMixture(MOG4, SCHEDULE);
    private static final SessionSettings CPU = SessionSettings.cpu(1);
    private static final int RUNS = 16, PARTICLES = 600, STEPS = 400;
    /**
     * Mode-mass bias of the 400-step reverse SDE itself: the exact score without annealing gave mode 2 a mass of
     * 0.145 (4 runs of 4,000 particles; 0.143 with 1,600 steps) against 0.150.
     */
    private static final double DISCRETISATION_BIAS = 0.01;

    private static AnnealingConfig config(double gamma, WeightEstimator estimator, double clip, long seed) {
        return new AnnealingConfig(gamma, PARTICLES, STEPS, new ResamplingSchedule.EssBelow(0.5), Resampler.SYSTEMATIC, clip, estimator,
                false, PARTICLES, seed);
    }

    /** Voronoi-cell masses of a weighted population (whose particles are in model coordinates). */
    static double[] masses(Population p) {
        double[] physical = new ModelCoordinates(MOG4).toPhysical(p.x(), p.logWeights().length);
        return MOG4.modeMasses(physical, LogWeights.probabilities(p.logWeights()));
    }

    /** Mean and standard error over independent runs of each mode's mass. */
    private record Estimate(double[] mean, double[] se) {
        /** The largest |mean − exact|/se over the modes. */
        double worstZ(double[] exact) { return worstZ(exact, 0); }

        /** The same after forgiving each mode {@code allowance} of bias. */
        double worstZ(double[] exact, double allowance) {
            double z = 0;
            for (int k = 0; k < exact.length; k++) z = Math.max(z, Math.max(0, Math.abs(mean[k] - exact[k]) - allowance) / se[k]);
            return z;
        }

        /** Agreement within three standard errors, beyond the discretisation bias of 400 Euler–Maruyama steps. */
        boolean agrees(double[] exact) { return worstZ(exact, DISCRETISATION_BIAS) < 3; }
    }

    private static Estimate estimate(double gamma, WeightEstimator estimator, double clip) {
        List<double[]> runs = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            AnnealingResult res = new FeynmanKacAnnealer(MODEL, CPU).run(config(gamma, estimator, clip, 100 + r),
                    new ModelCoordinates(MOG4), 1 / gamma, AnnealingListener.SILENT);
            runs.add(masses(res.population()));
        }
        return summarise(runs);
    }

    private static Estimate summarise(List<double[]> runs) {
        int k = runs.get(0).length;
        double[] mean = new double[k], se = new double[k];
        for (double[] m : runs) for (int j = 0; j < k; j++) mean[j] += m[j] / runs.size();
        for (double[] m : runs) for (int j = 0; j < k; j++) se[j] += (m[j] - mean[j]) * (m[j] - mean[j]) / (runs.size() - 1);
        for (int j = 0; j < k; j++) se[j] = Math.sqrt(se[j] / runs.size());
        return new Estimate(mean, se);
    }

    @Test
    void annealingByTwoAndThreeReproducesTheTemperedModeMasses() {
        for (double gamma : new double[] {2, 3}) {
            double[] exact = MOG4.modeMasses(gamma);
            Estimate e = estimate(gamma, new WeightEstimator.Exact(), Double.NaN);
            assertTrue(e.agrees(exact), "γ = " + gamma + ": masses " + java.util.Arrays.toString(e.mean) + " ± "
                    + java.util.Arrays.toString(e.se) + " vs exact " + java.util.Arrays.toString(exact));
        }
    }

    @Test
    void scoreScalingWithoutWeightsIsVisiblyBiased() {
        double[] exact = MOG4.modeMasses(3);
        Estimate e = estimate(3, new WeightEstimator.ScoreScaling(), Double.NaN);
        assertTrue(e.worstZ(exact) > 6, "score scaling should miss p³: " + java.util.Arrays.toString(e.mean) + " vs "
                + java.util.Arrays.toString(exact));
    }

    @Test
    void withoutAnnealingTheIncrementsVanishAndTheReverseSdeAloneReproducesTheMixture() {
        AnnealingResult weighted = new FeynmanKacAnnealer(MODEL, CPU).run(config(1, new WeightEstimator.Exact(), Double.NaN, 5)
                .withParticles(2000), new ModelCoordinates(MOG4), 1, AnnealingListener.SILENT);
        // G ≡ 0 for the exact score at γ = 1, so the weights never move far from uniform: what is left is discretisation
        for (double ess : weighted.trace().ess()) assertTrue(ess > 0.95 * 2000, "ESS fell to " + ess);
        assertEquals(0, weighted.logNormaliser(), 0.05);

        List<double[]> runs = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            AnnealingConfig sde = config(1, new WeightEstimator.ScoreScaling(), Double.NaN, 300 + r);
            runs.add(masses(new FeynmanKacAnnealer(MODEL, CPU).run(sde, new ModelCoordinates(MOG4), 1, AnnealingListener.SILENT).population()));
        }
        Estimate e = summarise(runs);
        assertTrue(e.agrees(MOG4.weights()), java.util.Arrays.toString(e.mean) + " vs weights " + java.util.Arrays.toString(MOG4.weights()));
    }

    @Test
    void selfNormalisedWeightingRecoversTheTemperedMasses() {
        double[] exact = MOG4.modeMasses(2);
        Estimate e = estimate(2, new WeightEstimator.SelfNormalised(), Double.NaN);
        assertTrue(e.agrees(exact), java.util.Arrays.toString(e.mean) + " ± " + java.util.Arrays.toString(e.se) + " vs "
                + java.util.Arrays.toString(exact));
    }

    @Test
    void hutchinsonWeightsRecoverTheTemperedMassesToo() {
        double[] exact = MOG4.modeMasses(2);
        Estimate e = estimate(2, new WeightEstimator.Hutchinson(2), Double.NaN);
        assertTrue(e.agrees(exact), java.util.Arrays.toString(e.mean) + " ± " + java.util.Arrays.toString(e.se) + " vs "
                + java.util.Arrays.toString(exact));
    }

    @Test
    void sameSeedSameSamplesAndMergedShardsMatchTheTarget() {
        AnnealingConfig c = config(2, new WeightEstimator.Exact(), Double.NaN, 9);
        AnnealingResult a = new FeynmanKacAnnealer(MODEL, CPU).run(c, new ModelCoordinates(MOG4), 0.5, AnnealingListener.SILENT);
        AnnealingResult b = new FeynmanKacAnnealer(MODEL, CPU).run(c, new ModelCoordinates(MOG4), 0.5, AnnealingListener.SILENT);
        assertArrayEquals(a.x(), b.x());
        assertArrayEquals(a.logWeights(), b.logWeights());

        // 4 shards of 1200 against the exact masses; the shard spread gives the error bar of one 1200-particle run
        List<Population> shards = new ArrayList<>();
        List<double[]> perShard = new ArrayList<>();
        for (Shards.Shard s : Shards.split(4800, 4, 77)) {
            AnnealingConfig sc = c.withParticles(s.particles()).withSeed(s.seed());
            Population p = new FeynmanKacAnnealer(MODEL, CPU).run(sc, new ModelCoordinates(MOG4), 0.5, AnnealingListener.SILENT).population();
            shards.add(p);
            perShard.add(masses(p));
        }
        Estimate spread = summarise(perShard);
        double[] merged = masses(Shards.merge(shards)), exact = MOG4.modeMasses(2);
        for (int k = 0; k < exact.length; k++) {
            assertEquals(exact[k], merged[k], 3 * spread.se[k] + 1e-3, "mode " + k + " of the merged population");
        }
    }
}
