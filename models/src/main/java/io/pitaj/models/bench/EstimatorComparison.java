package io.pitaj.models.bench;

import io.pitaj.models.runtime.SessionSettings;
import io.pitaj.models.sampling.AnnealingConfig;
import io.pitaj.models.sampling.AnnealingListener;
import io.pitaj.models.sampling.AnnealingModel;
import io.pitaj.models.sampling.AnnealingResult;
import io.pitaj.models.sampling.FeynmanKacAnnealer;
import io.pitaj.models.sampling.ModelCoordinates;
import io.pitaj.models.sampling.Population;
import io.pitaj.models.sampling.WeightEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * Weight estimators compared at equal cost: each gets as many particles as fit in the same wall-time budget per
 * run (calibrated by a pilot run and one rescaled run, setup excluded), then {@code repeats} independent runs measure its error against
 * the truth — the caller's error function, e.g. the mode-mass error of a mixture or the energy W1 to a reference set.
 *
 * @param base            the run every estimator shares (γ, steps, schedule, clipping …); particles and estimator vary
 * @param pilotParticles  particles of the calibration run
 */
public record EstimatorComparison(AnnealingModel model, AnnealingConfig base, List<WeightEstimator> estimators, double budgetSeconds,
                                  int repeats, int pilotParticles) {
    public EstimatorComparison {
        estimators = List.copyOf(estimators);
        if (!(budgetSeconds > 0) || repeats < 2 || pilotParticles < 1) {
            throw new IllegalArgumentException("need a positive budget, at least 2 repeats and a pilot particle");
        }
    }

    /** One estimator's outcome: its particle count, measured seconds per run, mean final ESS and the error's mean ± standard error. */
    public record Row(String estimator, int particles, double secondsPerRun, double meanFinalEss, double errorMean, double errorStandardError,
                      long modelEvaluationsPerRun) {}

    public List<Row> run(ModelCoordinates target, double targetTemperature, SessionSettings settings, ToDoubleFunction<Population> error,
                         Consumer<String> progress) {
        FeynmanKacAnnealer annealer = new FeynmanKacAnnealer(model, settings);
        List<Row> rows = new ArrayList<>();
        for (WeightEstimator e : estimators) {
            // two calibration runs: the pilot's per-call overhead overstates the cost per particle, so rescale once more
            int n = pilotParticles;
            for (int stage = 0; stage < 2; stage++) {
                AnnealingResult p = annealer.run(base.withEstimator(e).withParticles(n), target, targetTemperature, AnnealingListener.SILENT);
                double seconds = p.times().totalSeconds() - p.times().setupSeconds();
                n = (int) Math.max(pilotParticles, Math.min(1 << 24, Math.floor(n * budgetSeconds / seconds)));
            }
            progress.accept(e.label() + ": " + n + " particles per run");
            double[] errors = new double[repeats];
            double seconds = 0, ess = 0;
            long evaluations = 0;
            for (int r = 0; r < repeats; r++) {
                AnnealingConfig c = base.withEstimator(e).withParticles(n).withSeed(base.seed() + 1000L * (r + 1));
                AnnealingResult res = annealer.run(c, target, targetTemperature, AnnealingListener.SILENT);
                errors[r] = error.applyAsDouble(res.population());
                seconds += (res.times().totalSeconds() - res.times().setupSeconds()) / repeats;
                ess += res.finalEss() / repeats;
                evaluations = res.counts().modelEvaluations();
            }
            double mean = 0, var = 0;
            for (double v : errors) mean += v / repeats;
            for (double v : errors) var += (v - mean) * (v - mean) / (repeats - 1);
            rows.add(new Row(e.label(), n, seconds, ess, mean, Math.sqrt(var / repeats), evaluations));
        }
        return rows;
    }
}
