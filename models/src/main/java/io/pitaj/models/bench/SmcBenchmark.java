package io.pitaj.models.bench;

import io.pitaj.models.nets.BackboneConfig;
import io.pitaj.models.nets.InferenceGraphs;
import io.pitaj.models.nets.ModelPair;
import io.pitaj.models.nets.NoiseSchedule;
import io.pitaj.models.nets.SmcStepGraph;
import io.pitaj.models.sampling.AnnealingConfig;
import io.pitaj.models.sampling.AnnealingModel;
import io.pitaj.models.sampling.AnnealingResult;
import io.pitaj.models.sampling.FeynmanKacAnnealer;
import io.pitaj.models.sampling.ModelCoordinates;
import io.pitaj.models.sampling.ResamplingSchedule;
import io.pitaj.models.sampling.WeightEstimator;
import io.pitaj.models.nets.DivergenceMode;
import io.pitaj.models.runtime.SessionSettings;
import io.pitaj.models.sampling.AnnealingListener;
import io.pitaj.models.sampling.ChunkedModel;
import io.pitaj.models.targets.Target;
import io.pitaj.models.targets.ParticleLayout;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Whole Feynman–Kac SMC steps as {@code pita anneal} runs them — network calls, drift and increments, clipping, the
 * move, systematic resampling every step and (where the reference does it) the final weighting against the true
 * target — for two independently initialised random networks with the exact divergence. The forward share is timed
 * apart, by the score-and-energy graph alone on the same population, because ONNX Runtime runs the step graph as
 * one call.
 *
 * @param finalSnis whether the run ends with the reference's weighting against the target (LJ-13)
 */
public record SmcBenchmark(BackboneConfig backbone, NoiseSchedule schedule, Optional<ParticleLayout> meanFreeLayout, int particles, int steps, int chunk,
                           boolean finalSnis, long seed) {
    /**
     * @param particleStepsPerSecond particles × steps over the time after setup
     * @param forwardSeconds         the score and energy forward passes' share of the network time (timed apart)
     */
    public record Result(double particleStepsPerSecond, double setupSeconds, double loopSeconds, double networkSeconds,
                         double forwardSeconds, double targetSeconds, double resamplingSeconds, long targetEvaluations,
                         long modelEvaluations, String provider) {}

    /** The score and energy forward passes alone over the population at the run's times, as many calls as the run made. */
    private double forwardSeconds(AnnealingModel model, double[] x, SessionSettings settings) {
        try (ChunkedModel forward = new ChunkedModel(model, model.stepGraphs().apply(new DivergenceMode.None()), "forward", settings, chunk, 0)) {
            forward.evaluate(x, particles, 1, null); // warm-up, as the step graph's first call is in the run
            long start = System.nanoTime();
            for (int k = 0; k < steps; k++) forward.evaluate(x, particles, 1 - (double) k / steps, null);
            return (System.nanoTime() - start) * 1e-9;
        }
    }

    public Result run(Target target, double temperature, SessionSettings settings, AnnealingListener listener) {
        ModelPair models = SmcStepBenchmark.randomPair(backbone, new SplittableRandom(seed));
        AnnealingModel model = new AnnealingModel("random " + backbone.getClass().getSimpleName(), schedule, backbone.sampleShape(),
                meanFreeLayout, backbone.betaConditioned() ? OptionalDouble.of(1) : OptionalDouble.empty(), temperature,
                mode -> SmcStepGraph.build(models, schedule, mode), () -> InferenceGraphs.score(models, schedule));
        AnnealingConfig config = new AnnealingConfig(1.5, particles, steps, new ResamplingSchedule.EveryStepUntil(steps),
                io.pitaj.models.sampling.Resampler.SYSTEMATIC, AnnealingConfig.REFERENCE_CLIP_QUANTILE, new WeightEstimator.Exact(),
                finalSnis, chunk, seed);
        FeynmanKacAnnealer annealer = new FeynmanKacAnnealer(model, settings);
        AnnealingResult r = annealer.run(config, new ModelCoordinates(target), temperature / config.gamma(), listener);
        double forward = forwardSeconds(model, r.x(), settings);
        AnnealingResult.Times t = r.times();
        double loop = t.totalSeconds() - t.setupSeconds();
        return new Result((double) particles * steps / loop, t.setupSeconds(), loop, t.networkSeconds(), forward, t.targetSeconds(),
                t.resamplingSeconds(), r.counts().targetEvaluations(), r.counts().modelEvaluations(), settings.provider().name());
    }
}
