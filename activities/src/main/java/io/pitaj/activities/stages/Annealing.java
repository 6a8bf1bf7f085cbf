package io.pitaj.activities.stages;

import io.pitaj.activities.store.SampleSet;
import io.pitaj.models.runtime.SessionSettings;
import io.pitaj.models.sampling.AnnealingConfig;
import io.pitaj.models.sampling.AnnealingListener;
import io.pitaj.models.sampling.AnnealingModel;
import io.pitaj.models.sampling.AnnealingResult;
import io.pitaj.models.sampling.EvaluationCounts;
import io.pitaj.models.sampling.FeynmanKacAnnealer;
import io.pitaj.models.sampling.ModelCoordinates;
import io.pitaj.models.sampling.ResamplingSchedule;
import io.pitaj.models.targets.Target;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Feynman–Kac annealing of a model by γ, then the relaxation stage, as one sample set whose attributes record the
 * estimator, clipping, schedule, traces and the evaluations spent: what {@code pita anneal} and the pipeline's
 * Anneal activity run.
 */
public final class Annealing {
    /** Relative slack between a stated target temperature and the model's temperature / γ (rounded β in published ladders). */
    public static final double TEMPERATURE_TOLERANCE = 0.02;

    private Annealing() {}

    /**
     * The target temperature: the model's over γ, or {@code stated} when it lies within
     * {@value #TEMPERATURE_TOLERANCE} of it (PITA's ladders anneal by ratios of rounded β).
     *
     * @throws IllegalArgumentException otherwise, since the samples would be labelled with a temperature they do not have
     */
    public static double targetTemperature(AnnealingModel model, double gamma, Double stated) {
        double annealed = model.temperature() / gamma;
        double t = stated != null ? stated : annealed;
        if (!(t > 0) || Double.isInfinite(t)) throw new IllegalArgumentException("--temperature must be positive, got " + t);
        if (Math.abs(t / annealed - 1) > TEMPERATURE_TOLERANCE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--temperature %s is not the model's temperature %s / --gamma %s = %.6g; omit it or change --gamma", t, model.temperature(), gamma, annealed));
        }
        return t;
    }

    /** Anneals, relaxes and returns the evaluated set (non-finite samples dropped and counted). */
    public static SampleSet run(AnnealingModel model, Target target, AnnealingConfig config, double targetT, RelaxationPlan relaxation, String producer,
                                SessionSettings session, AnnealingListener listener) {
        ModelCoordinates coords = new ModelCoordinates(target);
        AnnealingResult r = new FeynmanKacAnnealer(model, session).run(config, coords, targetT, listener);
        double[] x = coords.toPhysical(r.x(), r.particles());
        RelaxationPlan.Relaxed relaxed = relaxation.apply(target, targetT, x, r.particles(), config.seed());
        EvaluationCounts counts = r.counts().plus(relaxed.counts());
        Map<String, String> a = new LinkedHashMap<>();
        a.put("method", "fk-smc");
        a.put("model", model.description());
        a.put("gamma", Double.toString(config.gamma()));
        a.put("weights", config.estimator().label());
        a.put("clipping", config.clipping() ? Double.toString(config.clipQuantile()) : "off");
        a.put("resampling", schedule(config));
        a.put("resampler", config.resampler().label());
        a.put("final_snis", Boolean.toString(config.finalSnis()));
        a.put("steps", Integer.toString(config.steps()));
        a.put("particles", Integer.toString(r.particles()));
        a.put("log_normaliser", Double.toString(r.logNormaliser()));
        a.put("final_ess", Double.toString(r.finalEss()));
        a.put("relaxation", relaxed.description());
        a.put("ess_trace", joined(r.trace().ess()));
        a.put("log_normaliser_trace", joined(r.trace().logNormaliser()));
        a.putAll(EvaluatedSamples.counts(counts));
        return EvaluatedSamples.of(target, targetT, producer, config.seed(), relaxed.x(), r.logWeights(), a);
    }

    /** A per-step trace as comma-separated values with 6 significant digits (1000 steps: about 12 kB of metadata). */
    private static String joined(double[] v) {
        StringJoiner j = new StringJoiner(",");
        for (double d : v) j.add(String.format(Locale.ROOT, "%.6g", d));
        return j.toString();
    }

    private static String schedule(AnnealingConfig c) {
        return c.schedule() instanceof ResamplingSchedule.EveryStepUntil u ? "every step until " + u.until()
                : "ESS below " + ((ResamplingSchedule.EssBelow) c.schedule()).fraction() + " N";
    }
}
