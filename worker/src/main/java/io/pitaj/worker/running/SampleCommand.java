package io.pitaj.worker.running;

import io.pitaj.activities.stages.EvaluatedSamples;
import io.pitaj.activities.stages.HotSampling;
import io.pitaj.models.sampling.EvaluationCounts;
import io.pitaj.models.systems.ConfigurationBatch;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.models.targets.Target;
import io.pitaj.worker.PitaCli;
import io.pitaj.worker.UserInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pita sample}: samples of a system at one temperature as an Arrow sample set — exact draws where the system
 * has an exact sampler, otherwise MCMC (MALA, HMC, NUTS), Langevin dynamics or replica exchange on batches of
 * independent chains started from typical configurations. The set's attributes record the method, its settings,
 * acceptance or swap statistics and the target evaluations spent.
 */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sample a system at one temperature (exact, MALA, HMC, NUTS, Langevin MD or replica exchange) into an Arrow sample set.")
public class SampleCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private PitaCli pita;

    @Option(names = "--system", required = true, description = "System to sample (see 'pita systems', or a mixture FILE.json).")
    private String system;

    @Option(names = "--method", defaultValue = "exact", paramLabel = "exact|mala|hmc|nuts|md|pt", description = "Sampler (default ${DEFAULT-VALUE}).")
    private String method;

    @Option(names = "--temperature", description = "Temperature (K for peptides, reduced otherwise; default: the system's target temperature).")
    private Double temperature;

    @Option(names = {"--samples", "--count"}, defaultValue = "10000", description = "Number of samples (default ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--chains", defaultValue = "32", description = "Independent chains run as one batch (default ${DEFAULT-VALUE}).")
    private int chains;

    @Option(names = "--warmup", description = "Warm-up (burn-in, step-size adaptation) moves per chain (default 1000; MD on peptides 5000, PITA's).")
    private Integer warmupOption;

    /** Set once the system is known: PITA's peptide MD warms up 5,000 steps, which also lets 0.3 /ps friction re-thermalise after minimisation. */
    private int warmup;

    /** Set once the system is known: what the provenance record stores and reuse compares. */
    private Map<String, String> parameters;
    private java.time.Instant started;

    @Option(names = "--thin", defaultValue = "10", description = "Moves between kept samples (default ${DEFAULT-VALUE}).")
    private int thin;

    @Option(names = "--step", description = "First step size: MALA length², HMC/NUTS length, MD time step (ps for peptides); defaults per unit system.")
    private Double step;

    @Option(names = "--leapfrog", defaultValue = "10", description = "HMC leapfrog steps per trajectory (default ${DEFAULT-VALUE}).")
    private int leapfrog;

    @Option(names = "--friction", description = "MD friction (1/ps for peptides; default 0.3 for peptides as PITA, 1 otherwise).")
    private Double friction;

    @Option(names = "--minimise", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "MD: minimise the energy before the dynamics (default on).")
    private boolean minimise;

    @Option(names = "--rungs", defaultValue = "8", description = "Replica exchange: rungs of the geometric ladder (default ${DEFAULT-VALUE}).")
    private int rungs;

    @Option(names = "--max-temperature", description = "Replica exchange: the hottest rung (default 4 x the temperature).")
    private Double maxTemperature;

    @Option(names = "--pt-kernel", defaultValue = "mala", paramLabel = "mala|md", description = "Replica exchange moves (default ${DEFAULT-VALUE}).")
    private String ptKernel;

    @Option(names = "--swap-every", defaultValue = "10", description = "Replica exchange: moves per rung between swap attempts (default ${DEFAULT-VALUE}).")
    private int swapEvery;

    @Option(names = "--out", required = true, paramLabel = "FILE.arrow", description = "Output file (never overwritten).")
    private Path out;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default ${DEFAULT-VALUE}).")
    private long seed;

    /** The producer id written into the set. */
    String producer(String method) { return "pita sample " + method; }

    /** Methods this command accepts. */
    List<String> methods() { return List.of("exact", "mala", "hmc", "nuts", "md", "pt"); }

    /** Whether an existing output made with the same parameters is reused instead of refused. */
    boolean reusesStoredOutput() { return false; }

    /** Every parameter, with the defaults this command resolves from the system. */
    private Map<String, String> parameters(double t) {
        Map<String, String> resolved = new LinkedHashMap<>();
        resolved.put("--temperature", Double.toString(t));
        resolved.put("--method", method.toLowerCase(Locale.ROOT));
        if (warmupOption == null) resolved.put("--warmup", Integer.toString(warmup));
        return StageProvenance.parameters(spec, resolved);
    }

    @Override
    public Integer call() {
        if (samples < 1) throw new UserInputException("--samples must be at least 1, got " + samples);
        started = java.time.Instant.now();
        SystemInfo<?> info = pita.system(system);
        double t = temperature != null ? temperature : info.targetTemperature();
        if (!(t > 0) || Double.isInfinite(t)) throw new UserInputException("--temperature must be positive, got " + t);
        String m = method.toLowerCase(Locale.ROOT);
        if (!methods().contains(m)) {
            throw new UserInputException("unknown --method '" + method + "'; choose " + String.join(", ", methods()));
        }
        warmup = warmupOption != null ? warmupOption : HotSampling.defaultWarmup(m, info.unit());
        parameters = parameters(t);
        if (reusesStoredOutput() && java.nio.file.Files.exists(out)) return reuse();
        StageProvenance.checkWritable(out);
        PrintWriter err = spec.commandLine().getErr();
        if (m.equals("exact")) {
            if (!info.hasExactSampler()) {
                throw new UserInputException("system '" + info.name() + "' has no exact sampler; use --method mala, hmc, nuts, md or pt");
            }
            if (t != info.targetTemperature()) {
                throw new UserInputException("exact samples exist only at T = " + info.targetTemperature() + " for " + info.name());
            }
            ConfigurationBatch b = info.sampleBatch(TargetOptions.DEFAULTS, samples, seed);
            return write(b.target(), t, m, new HotSampling.Drawn(b.x(), EvaluationCounts.NONE, new LinkedHashMap<>(Map.of("method", "exact")),
                    "exact samples", null), info);
        }
        HotSampling plan;
        try {
            plan = new HotSampling(m, samples, chains, warmup, thin, step, leapfrog, friction, minimise, rungs, maxTemperature, ptKernel, swapEvery);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        ConfigurationBatch start = info.sampleBatch(TargetOptions.DEFAULTS, chains, seed);
        Target target = start.target();
        HotSampling.Drawn drawn;
        try {
            StepProgress progress = new StepProgress(err, "sample " + m);
            drawn = plan.run(target, t, start.x(), seed, (done, total) -> progress.step(done, total, ""));
        } catch (IllegalArgumentException e) {
            target.close();
            throw new UserInputException(e.getMessage(), e);
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
        return write(target, t, m, drawn, info);
    }

    /** Writes the samples with their attributes and budget, closing the target. */
    private int write(Target target, double t, String m, HotSampling.Drawn drawn, SystemInfo<?> info) {
        try (Target tg = target) {
            Map<String, String> attributes = new LinkedHashMap<>(drawn.attributes());
            attributes.putAll(EvaluatedSamples.counts(drawn.counts()));
            double[] x = Arrays.copyOf(drawn.x(), samples * tg.dimension());
            int dropped = SampleOutput.write(tg, t, producer(m), seed, x, new double[samples], attributes, out);
            StageProvenance.write(producer(m), kind(), out, parameters, seed, started, drawn.counts().targetEvaluations(), HotSampling.headline(attributes));
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "wrote %d samples of %s at T = %s to %s (%s; %d target evaluations%s)%n", samples - dropped, info.name(), t,
                    out, drawn.summary(), drawn.counts().targetEvaluations(), dropped > 0 ? ", " + dropped + " non-finite dropped" : "");
            if (drawn.energies() != null) {
                o.printf(Locale.ROOT, "energy diagnostics over %d chains: split R-hat %s, autocorrelation time %s kept samples, ESS %s%n", chains,
                        attributes.get("rhat_energy"), attributes.get("iat_energy"), attributes.get("ess_energy"));
                if (attributes.containsKey("rhat_torsions")) {
                    o.printf(Locale.ROOT, "torsion diagnostics (worst of sin/cos of every phi, psi): split R-hat %s, autocorrelation time %s, ESS %s%n",
                            attributes.get("rhat_torsions"), attributes.get("iat_torsions"), attributes.get("ess_torsions"));
                }
            }
            o.flush();
        }
        return 0;
    }

    /** The stage kind its provenance record names. */
    String kind() { return "sample"; }

    /** Prints what the stored output is and that it is reused. */
    private int reuse() {
        io.pitaj.activities.provenance.ProvenanceRecord r = StageProvenance.reusable(out, parameters);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "reusing %s: made by %s at %s with the same parameters, sha256 %s unchanged%s%n", out, r.code(), r.ended(),
                r.outputs().get(0).sha256(), r.metrics().isEmpty() ? "" : "; diagnostics " + r.metrics());
        o.flush();
        return 0;
    }

}
