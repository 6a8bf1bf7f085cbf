package io.pitaj.worker.running;

import io.pitaj.activities.stages.Annealing;
import io.pitaj.activities.stages.AnnealingSettings;
import io.pitaj.activities.stages.RelaxationPlan;
import io.pitaj.activities.store.SampleSet;
import io.pitaj.activities.stages.EvaluatedSamples;
import io.pitaj.models.sampling.AnnealingConfig;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.targets.Target;
import io.pitaj.worker.PitaCli;
import io.pitaj.worker.RuntimeOptions;
import io.pitaj.worker.UserInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
            double targetT;
            AnnealingConfig config;
            try {
                targetT = Annealing.targetTemperature(choice.model(), gamma, temperature);
                config = new AnnealingSettings(gamma, particles, steps, resampleUntil, essThreshold, resampler, clip, weights, finalSnis, chunk)
                        .config(info, seed);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage(), e);
            }
            RelaxationPlan relaxation = relax.plan(info.unit());
            StepProgress progress = new StepProgress(err, "anneal");
            if (relaxation.steps() > 0) {
                err.printf(Locale.ROOT, "anneal, then relax: %d %s steps at T = %s%n", relaxation.steps(), relaxation.method(), targetT);
                err.flush();
            }
            SampleSet set = Annealing.run(choice.model(), target, config, targetT, relaxation, "pita anneal", runtime.session(),
                    (k, total, ess) -> progress.step(k, total, String.format(Locale.ROOT, "ESS %.0f", ess)));
            SampleOutput.write(set, out);
            Map<String, String> a = set.attributes();
            int dropped = EvaluatedSamples.dropped(set);
            o.printf(Locale.ROOT, "wrote %d annealed samples of %s at T = %s to %s (weights %s, clipping %s, final ESS %.1f, "
                            + "%s model and %d target evaluations%s)%n", set.count(), info.name(), targetT, out, a.get("weights"), a.get("clipping"),
                    Double.parseDouble(a.get("final_ess")), a.get("model_evaluations"),
                    EvaluatedSamples.targetEvaluations(set),
                    dropped > 0 ? ", " + dropped + " non-finite dropped" : "");
            o.flush();
        }
        return 0;
    }
}
