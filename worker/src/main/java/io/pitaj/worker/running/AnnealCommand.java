package io.pitaj.worker.running;

import io.pitaj.activities.stages.EvaluatedSamples;
import io.pitaj.models.sampling.AnnealingConfig;
import io.pitaj.models.sampling.AnnealingResult;
import io.pitaj.models.sampling.EvaluationCounts;
import io.pitaj.models.sampling.FeynmanKacAnnealer;
import io.pitaj.models.sampling.ModelCoordinates;
import io.pitaj.models.sampling.Resampler;
import io.pitaj.models.sampling.ResamplingSchedule;
import io.pitaj.models.sampling.WeightEstimator;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.targets.EnergyUnit;
import io.pitaj.models.targets.Target;
import io.pitaj.worker.PitaCli;
import io.pitaj.worker.RuntimeOptions;
import io.pitaj.worker.UserInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pita anneal}: one inference-time annealing (Feynman–Kac SMC, pita-algorithm.md §1.8) of a trained model or
 * of a mixture's closed-form model by a factor γ, optionally relaxed at the target temperature, written as an Arrow
 * sample set whose attributes record the estimator, the clipping, the schedule and the evaluations spent.
 */
@Command(name = "anneal", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Anneal a model by a factor gamma with Feynman-Kac SMC and write the samples as an Arrow sample set.")
public final class AnnealCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private PitaCli pita;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private ModelSourceOptions source;

    /** Relative slack between --temperature and the model's temperature / γ (rounding of β in published ladders). */
    static final double TEMPERATURE_TOLERANCE = 0.02;

    @Option(names = "--temperature", description = "Target temperature (default: the model's temperature / gamma; may differ from it by 2 % at most).")
    private Double temperature;

    @Option(names = "--gamma", required = true, description = "Annealing factor gamma >= 1 (1: generate at the model's temperature).")
    private double gamma;

    @Option(names = "--particles", defaultValue = "1000", description = "Particles (default ${DEFAULT-VALUE}).")
    private int particles;

    @Option(names = "--steps", defaultValue = "1000", description = "Euler-Maruyama steps (default ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--resample-until", paramLabel = "K_END",
            description = "Resample every step before K_END, then stop weighting (PITA; default 0.8 K for peptides, 0.9 K otherwise).")
    private Integer resampleUntil;

    @Option(names = "--ess-threshold", paramLabel = "F", description = "Instead: resample when ESS < F*N and keep the weights to the end.")
    private Double essThreshold;

    @Option(names = "--resampler", defaultValue = "systematic", paramLabel = "R",
            description = "systematic (default), multinomial, stratified or residual.")
    private String resampler;

    @Option(names = "--clip", defaultValue = "0.9", paramLabel = "off|Q",
            description = "Clip increments above their per-chunk Q-quantile (default ${DEFAULT-VALUE}, the reference's); off keeps the weights unbiased.")
    private String clip;

    @Option(names = "--weights", defaultValue = "exact", paramLabel = "exact|hutchinson:P|snis|none",
            description = "Weight estimator (default ${DEFAULT-VALUE}).")
    private String weights;

    @Option(names = "--final-snis", negatable = true,
            description = "Importance-resample against the true target after the last step (default: on for LJ systems, as the reference).")
    private Boolean finalSnis;

    @Option(names = "--chunk", defaultValue = "512", description = "Particles per network call (default ${DEFAULT-VALUE}).")
    private int chunk;

    @Mixin
    private RelaxOptions relax;

    @Mixin
    private RuntimeOptions runtime;

    @Option(names = "--out", required = true, paramLabel = "FILE.arrow", description = "Output file (never overwritten).")
    private Path out;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() {
        SampleOutput.checkWritable(out);
        if (!(gamma >= 1) || Double.isInfinite(gamma)) throw new UserInputException("--gamma must be at least 1, got " + gamma);
        ModelChoice choice = source.resolve(pita);
        SystemInfo<?> info = choice.system();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        try (Target target = choice.target()) {
            double annealedT = choice.model().temperature() / gamma;
            double targetT = temperature != null ? temperature : annealedT;
            if (!(targetT > 0) || Double.isInfinite(targetT)) throw new UserInputException("--temperature must be positive, got " + targetT);
            // the rounded-β ladders of PITA differ by well under 1 %; more means the samples would be mislabelled
            if (Math.abs(targetT / annealedT - 1) > TEMPERATURE_TOLERANCE) {
                throw new UserInputException(String.format(Locale.ROOT, "--temperature %s is not the model's temperature %s / --gamma %s = %.6g; omit it or change --gamma",
                        targetT, choice.model().temperature(), gamma, annealedT));
            }
            AnnealingConfig config = config(info);
            RelaxOptions.Plan relaxation = relax.plan(info.unit());
            ModelCoordinates coords = new ModelCoordinates(target);
            StepProgress progress = new StepProgress(err, "anneal");
            AnnealingResult r = new FeynmanKacAnnealer(choice.model(), runtime.session()).run(config, coords, targetT,
                    (k, total, ess) -> progress.step(k, total, String.format(Locale.ROOT, "ESS %.0f", ess)));
            double[] x = coords.toPhysical(r.x(), r.particles());
            EvaluationCounts counts = r.counts();
            RelaxOptions.Relaxed relaxed = relaxation.apply(target, targetT, x, r.particles(), seed, err);
            counts = counts.plus(relaxed.counts());
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("method", "fk-smc");
            attributes.put("model", choice.model().description());
            attributes.put("gamma", Double.toString(gamma));
            attributes.put("weights", config.estimator().label());
            attributes.put("clipping", config.clipping() ? Double.toString(config.clipQuantile()) : "off");
            attributes.put("resampling", schedule(config));
            attributes.put("resampler", config.resampler().label());
            attributes.put("final_snis", Boolean.toString(config.finalSnis()));
            attributes.put("steps", Integer.toString(config.steps()));
            attributes.put("particles", Integer.toString(r.particles()));
            attributes.put("log_normaliser", Double.toString(r.logNormaliser()));
            attributes.put("final_ess", Double.toString(r.finalEss()));
            attributes.put("relaxation", relaxed.description());
            attributes.put("ess_trace", joined(r.trace().ess()));
            attributes.put("log_normaliser_trace", joined(r.trace().logNormaliser()));
            attributes.putAll(EvaluatedSamples.counts(counts));
            int dropped = SampleOutput.write(target, targetT, "pita anneal", seed, relaxed.x(), r.logWeights().clone(), attributes, out);
            o.printf(Locale.ROOT, "wrote %d annealed samples of %s at T = %s to %s (weights %s, clipping %s, final ESS %.1f, "
                            + "%d model and %d target evaluations%s)%n", r.particles() - dropped, info.name(), targetT, out,
                    config.estimator().label(), config.clipping() ? config.clipQuantile() : "off", r.finalEss(),
                    counts.modelEvaluations(), counts.targetEvaluations(), dropped > 0 ? ", " + dropped + " non-finite dropped" : "");
            o.flush();
        }
        return 0;
    }

    private AnnealingConfig config(SystemInfo<?> info) {
        if (particles < 1) throw new UserInputException("--particles must be at least 1, got " + particles);
        if (steps < 1) throw new UserInputException("--steps must be at least 1, got " + steps);
        if (chunk < 1) throw new UserInputException("--chunk must be at least 1, got " + chunk);
        boolean peptide = info.unit() == EnergyUnit.KJ_PER_MOL;
        ResamplingSchedule schedule;
        if (essThreshold != null) {
            if (resampleUntil != null) throw new UserInputException("--resample-until and --ess-threshold exclude each other");
            if (!(essThreshold > 0 && essThreshold <= 1)) throw new UserInputException("--ess-threshold must be in (0, 1], got " + essThreshold);
            schedule = new ResamplingSchedule.EssBelow(essThreshold);
        } else {
            int until = resampleUntil != null ? resampleUntil : (int) Math.round((peptide ? 0.8 : 0.9) * steps);
            if (until < 0 || until > steps) throw new UserInputException("--resample-until must be in [0, " + steps + "], got " + until);
            schedule = new ResamplingSchedule.EveryStepUntil(until);
        }
        double q;
        if (clip.equalsIgnoreCase("off")) q = Double.NaN;
        else {
            try {
                q = Double.parseDouble(clip);
            } catch (NumberFormatException e) {
                throw new UserInputException("--clip takes off or a quantile in (0, 1], got '" + clip + "'");
            }
            if (!(q > 0 && q <= 1)) throw new UserInputException("--clip quantile must be in (0, 1], got " + clip);
        }
        try {
            boolean snis = finalSnis != null ? finalSnis : info.name().startsWith("lj");
            return new AnnealingConfig(gamma, particles, steps, schedule, Resampler.parse(resampler), q, WeightEstimator.parse(weights),
                    snis, Math.min(chunk, particles), seed);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    /** A per-step trace as comma-separated values with 6 significant digits (1000 steps: about 12 kB of metadata). */
    private static String joined(double[] v) {
        java.util.StringJoiner j = new java.util.StringJoiner(",");
        for (double d : v) j.add(String.format(Locale.ROOT, "%.6g", d));
        return j.toString();
    }

    private static String schedule(AnnealingConfig c) {
        return c.schedule() instanceof ResamplingSchedule.EveryStepUntil u ? "every step until " + u.until()
                : "ESS below " + ((ResamplingSchedule.EssBelow) c.schedule()).fraction() + " N";
    }
}
