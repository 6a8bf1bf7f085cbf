package io.pitaj.worker.benchmarking;

import com.fasterxml.jackson.core.JsonGenerator;
import io.pitaj.activities.store.SampleSet;
import io.pitaj.activities.store.SampleSetCodec;
import io.pitaj.activities.store.SampleSetFormatException;
import io.pitaj.models.bench.EstimatorComparison;
import io.pitaj.models.metrics.Wasserstein1D;
import io.pitaj.models.sampling.AnnealingConfig;
import io.pitaj.models.sampling.LogWeights;
import io.pitaj.models.sampling.ModelCoordinates;
import io.pitaj.models.sampling.Population;
import io.pitaj.models.sampling.Resampler;
import io.pitaj.models.sampling.ResamplingSchedule;
import io.pitaj.models.sampling.WeightEstimator;
import io.pitaj.models.targets.GaussianMixture;
import io.pitaj.models.targets.Target;
import io.pitaj.worker.JsonOutput;
import io.pitaj.worker.RuntimeOptions;
import io.pitaj.worker.UserInputException;
import io.pitaj.worker.running.ModelChoice;
import io.pitaj.worker.running.ModelSourceOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pita bench estimators}: the weight estimators at equal wall time. Each gets the particles that fit the
 * budget, then independent repeats measure its error: the largest mode-mass error against quadrature for a mixture's
 * exact model, the energy W1 to a reference set otherwise. Unbiased settings throughout (no clipping, resampling
 * when the ESS falls below half), so the comparison is of the estimators, not of the reference's shortcuts.
 */
@Command(name = "estimators", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compare weight estimators (exact, hutchinson:P, snis, none) at equal wall time per run.")
final class BenchEstimatorsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private BenchCommand bench;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private ModelSourceOptions source;

    @Option(names = "--gamma", required = true, description = "Annealing factor.")
    private double gamma;

    @Option(names = "--temperature", description = "Target temperature (default: the model's / gamma).")
    private Double temperature;

    @Option(names = "--reference", paramLabel = "R.arrow", description = "Reference samples at the target temperature (required for trained models).")
    private Path reference;

    @Option(names = "--estimators", defaultValue = "exact,hutchinson:1,snis,none", split = ",", description = "Estimators (default ${DEFAULT-VALUE}).")
    private List<String> estimators;

    @Option(names = "--budget-seconds", defaultValue = "10", description = "Wall time per run (default ${DEFAULT-VALUE}).")
    private double budget;

    @Option(names = "--repeats", defaultValue = "4", description = "Independent runs per estimator (default ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--steps", defaultValue = "1000", description = "SDE steps (default ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--pilot", defaultValue = "64", description = "Particles of the calibration run (default ${DEFAULT-VALUE}).")
    private int pilot;

    @Option(names = "--final-snis", description = "End every weighted run with the reference's weighting against the true target (as for LJ-13).")
    private boolean finalSnis;

    @Option(names = "--chunk", defaultValue = "512", description = "Particles per network call (default ${DEFAULT-VALUE}).")
    private int chunk;

    @Mixin
    private RuntimeOptions runtime;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "One JSON line per estimator.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        if (!(gamma >= 1)) throw new UserInputException("--gamma must be at least 1, got " + gamma);
        if (!(budget > 0) || repeats < 2 || steps < 1 || pilot < 1 || chunk < 1) {
            throw new UserInputException("--budget-seconds must be positive, --repeats at least 2, --steps, --pilot and --chunk at least 1");
        }
        List<WeightEstimator> chosen = new ArrayList<>();
        try {
            for (String e : estimators) chosen.add(WeightEstimator.parse(e));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        ModelChoice choice = source.resolve(bench.pita());
        double targetT = temperature != null ? temperature : choice.model().temperature() / gamma;
        PrintWriter err = spec.commandLine().getErr(), out = spec.commandLine().getOut();
        try (Target target = choice.target()) {
            ToDoubleFunction<Population> error = errorFunction(target, targetT);
            AnnealingConfig base = new AnnealingConfig(gamma, pilot, steps, new ResamplingSchedule.EssBelow(0.5), Resampler.SYSTEMATIC,
                    Double.NaN, new WeightEstimator.Exact(), finalSnis, chunk, seed);
            EstimatorComparison c = new EstimatorComparison(choice.model(), base, chosen, budget, repeats, pilot);
            List<EstimatorComparison.Row> rows = c.run(new ModelCoordinates(target), targetT, runtime.session(), error, line -> {
                err.println("bench: " + line);
                err.flush();
            });
            String metric = target instanceof GaussianMixture ? "max_mode_mass_error" : "energy_w1";
            for (EstimatorComparison.Row r : rows) {
                if (json) {
                    try (JsonGenerator g = JsonOutput.generator(out)) {
                        g.writeStartObject();
                        g.writeStringField("system", choice.system().name());
                        g.writeNumberField("gamma", gamma);
                        g.writeStringField("estimator", r.estimator());
                        g.writeNumberField("particles", r.particles());
                        g.writeNumberField("seconds_per_run", r.secondsPerRun());
                        g.writeNumberField("final_ess", r.meanFinalEss());
                        g.writeStringField("metric", metric);
                        g.writeNumberField("error", r.errorMean());
                        g.writeNumberField("error_se", r.errorStandardError());
                        g.writeNumberField("model_evaluations", r.modelEvaluationsPerRun());
                        g.writeEndObject();
                        g.writeRaw('\n');
                    }
                } else {
                    out.printf(Locale.ROOT, "%-14s %7d particles, %6.1f s/run, final ESS %8.1f, %s %.4f ± %.4f%n", r.estimator(), r.particles(),
                            r.secondsPerRun(), r.meanFinalEss(), metric, r.errorMean(), r.errorStandardError());
                }
            }
            out.flush();
        }
        return 0;
    }

    private ToDoubleFunction<Population> errorFunction(Target target, double targetT) {
        if (target instanceof GaussianMixture mixture && mixture.dimension() == 2 && reference == null) {
            double[] exact = mixture.modeMasses(1 / targetT);
            return p -> {
                double[] m = mixture.modeMasses(p.x(), LogWeights.probabilities(p.logWeights()));
                double worst = 0;
                for (int k = 0; k < m.length; k++) worst = Math.max(worst, Math.abs(m[k] - exact[k]));
                return worst;
            };
        }
        if (reference == null) throw new UserInputException("--reference R.arrow is needed to score a trained model (or use a 2-D --exact-model)");
        SampleSet ref;
        try {
            ref = SampleSetCodec.read(reference);
        } catch (SampleSetFormatException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        if (!ref.system().equals(target.name()) || ref.dim() != target.dimension()) {
            throw new UserInputException(reference + " holds " + ref.system() + " (dim " + ref.dim() + "), not " + target.name());
        }
        double[] refEnergy = ref.energy(), refWeight = LogWeights.probabilities(ref.logWeight());
        ModelCoordinates coords = new ModelCoordinates(target);
        return p -> {
            double[] e = new double[p.size()];
            target.energies(coords.toPhysical(p.x(), p.size()), p.size(), e, null);
            double[] w = LogWeights.probabilities(p.logWeights());
            int kept = 0;
            for (int i = 0; i < e.length; i++) {
                if (Double.isFinite(e[i])) {
                    e[kept] = e[i];
                    w[kept++] = w[i];
                }
            }
            return Wasserstein1D.distance(java.util.Arrays.copyOf(e, kept), java.util.Arrays.copyOf(w, kept), refEnergy, refWeight);
        };
    }
}
