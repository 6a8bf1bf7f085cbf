package io.pitaj.worker.running;

import io.pitaj.models.forcefield.PeptideTarget;
import io.pitaj.models.metrics.BackboneAngles;
import io.pitaj.models.metrics.ConvergenceDiagnostics;
import io.pitaj.models.sampling.EvaluationCounts;
import io.pitaj.models.sampling.mcmc.ChainRunner;
import io.pitaj.models.sampling.mcmc.EnergyMinimiser;
import io.pitaj.models.sampling.mcmc.Hmc;
import io.pitaj.models.sampling.mcmc.LangevinMd;
import io.pitaj.models.sampling.mcmc.Mala;
import io.pitaj.models.sampling.mcmc.MarkovKernel;
import io.pitaj.models.sampling.mcmc.McmcResult;
import io.pitaj.models.sampling.mcmc.MdResult;
import io.pitaj.models.sampling.mcmc.Nuts;
import io.pitaj.models.sampling.mcmc.ReplicaExchange;
import io.pitaj.models.sampling.mcmc.ReplicaExchangeResult;
import io.pitaj.models.sampling.mcmc.Schedule;
import io.pitaj.models.sampling.mcmc.TemperatureLadder;
import io.pitaj.models.systems.ConfigurationBatch;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.models.targets.EnergyUnit;
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
    /** First step sizes per unit system; MCMC adapts them in warm-up. MALA: squared length; HMC/NUTS: length. */
    private static final double MALA_STEP_NM2 = 1e-6, MALA_STEP_REDUCED = 1e-2, HMC_STEP_NM = 1e-3, HMC_STEP_REDUCED = 0.05;

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

    /** What a sampler produced: physical samples, the evaluations spent and what to record about the run. */
    /** What a sampler produced; {@code energies} chain-major (chains × kept) for chain methods, null for exact draws. */
    private record Drawn(double[] x, EvaluationCounts counts, Map<String, String> attributes, String summary, double[] energies) {}

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
        warmup = warmupOption != null ? warmupOption : m.equals("md") && info.unit() == EnergyUnit.KJ_PER_MOL ? 5000 : 1000;
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
            return write(b.target(), t, m, new Drawn(b.x(), EvaluationCounts.NONE, Map.of("method", "exact"), "exact samples", null), info);
        }
        checkChainOptions();
        if (m.equals("pt") && !List.of("mala", "md").contains(ptKernel.toLowerCase(Locale.ROOT))) {
            throw new UserInputException("--pt-kernel must be mala or md, got '" + ptKernel + "'");
        }
        ConfigurationBatch start = info.sampleBatch(TargetOptions.DEFAULTS, chains, seed);
        Target target = start.target();
        Drawn drawn;
        try {
            StepProgress progress = new StepProgress(err, "sample " + m);
            drawn = switch (m) {
                case "md" -> md(target, t, start.x(), progress);
                case "pt" -> replicaExchange(target, t, start.x(), progress);
                default -> mcmc(m, target, t, start.x(), progress);
            };
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
        return write(target, t, m, drawn, info);
    }

    /** Writes the samples with their attributes and budget, closing the target. */
    private int write(Target target, double t, String m, Drawn drawn, SystemInfo<?> info) {
        try (Target tg = target) {
            Map<String, String> attributes = new LinkedHashMap<>(drawn.attributes());
            attributes.putAll(SampleOutput.counts(drawn.counts()));
            if (drawn.energies() != null) attributes.putAll(diagnostics(tg, drawn.x(), drawn.energies()));
            double[] x = Arrays.copyOf(drawn.x(), samples * tg.dimension());
            int dropped = SampleOutput.write(tg, t, producer(m), seed, x, new double[samples], attributes, out);
            StageProvenance.write(producer(m), kind(), out, parameters, seed, started, drawn.counts().targetEvaluations(), headline(attributes));
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

    /** The numeric attributes worth a provenance record's headline: diagnostics and acceptance. */
    private static Map<String, Double> headline(Map<String, String> attributes) {
        Map<String, Double> h = new LinkedHashMap<>();
        attributes.forEach((k, v) -> {
            if (k.startsWith("rhat_") || k.startsWith("iat_") || k.startsWith("ess_") || k.equals("acceptance")) h.put(k, Double.parseDouble(v));
        });
        return h;
    }

    /**
     * Split R-hat, integrated autocorrelation time (in kept samples) and ESS of the chains' energies and, for
     * peptides, the worst of the same over the sines and cosines of the backbone torsions.
     */
    private Map<String, String> diagnostics(Target target, double[] x, double[] energies) {
        int kept = energies.length / chains;
        Map<String, String> d = new LinkedHashMap<>();
        if (kept < 4) return d;
        double[][] perChain = new double[chains][kept];
        for (int c = 0; c < chains; c++) System.arraycopy(energies, c * kept, perChain[c], 0, kept);
        put(d, "energy", ConvergenceDiagnostics.Summary.of(perChain));
        if (target instanceof PeptideTarget peptide) {
            put(d, "torsions", ConvergenceDiagnostics.torsions(BackboneAngles.of(peptide.topology()), x, chains, kept));
        }
        return d;
    }

    private static void put(Map<String, String> d, String what, ConvergenceDiagnostics.Summary s) {
        d.put("rhat_" + what, String.format(Locale.ROOT, "%.4f", s.rhat()));
        d.put("iat_" + what, String.format(Locale.ROOT, "%.2f", s.autocorrelationTime()));
        d.put("ess_" + what, String.format(Locale.ROOT, "%.1f", s.ess()));
    }

    private void checkChainOptions() {
        if (chains < 1 || warmup < 0 || thin < 1) throw new UserInputException("--chains and --thin must be at least 1 and --warmup not negative");
        if (chains > samples) throw new UserInputException("--chains (" + chains + ") may not exceed --samples (" + samples + ")");
    }

    private Schedule schedule() { return new Schedule(warmup, (samples + chains - 1) / chains, thin); }

    private boolean peptide(Target target) { return target.unit() == EnergyUnit.KJ_PER_MOL; }

    private MarkovKernel kernel(String name, Target target) {
        boolean nm = peptide(target);
        try {
            return switch (name) {
                case "mala" -> Mala.adaptive(step != null ? step : nm ? MALA_STEP_NM2 : MALA_STEP_REDUCED);
                case "hmc" -> Hmc.adaptive(step != null ? step : nm ? HMC_STEP_NM : HMC_STEP_REDUCED, leapfrog);
                case "nuts" -> Nuts.adaptive(step != null ? step : nm ? HMC_STEP_NM : HMC_STEP_REDUCED);
                case "md" -> dynamics(target, false);
                default -> throw new UserInputException("--pt-kernel must be mala or md, got '" + name + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    private LangevinMd dynamics(Target target, boolean withMinimisation) {
        LangevinMd base = LangevinMd.defaults(target.unit());
        double dt = step != null ? step : base.timeStepPs();
        double gamma = friction != null ? friction : base.frictionPerPs();
        return new LangevinMd(dt, gamma, withMinimisation ? EnergyMinimiser.defaults() : null);
    }

    private Drawn mcmc(String name, Target target, double t, double[] x0, StepProgress progress) {
        McmcResult r = ChainRunner.sample(kernel(name, target), target, t, x0, chains, schedule(), seed,
                (done, total) -> progress.step(done, total, ""));
        double[] steps = r.stepSizes();
        Map<String, String> a = chainAttributes(name);
        a.put("acceptance", Double.toString(r.meanAcceptance()));
        a.put("step_size_median", Double.toString(median(steps)));
        return new Drawn(r.samples(), r.counts(), a,
                String.format(Locale.ROOT, "%s, acceptance %.3f", name, r.meanAcceptance()), r.energies());
    }

    private Drawn md(Target target, double t, double[] x0, StepProgress progress) {
        LangevinMd md;
        try {
            md = dynamics(target, minimise);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        MdResult r = md.run(target, t, x0, chains, schedule(), seed, (done, total) -> progress.step(done, total, ""));
        Map<String, String> a = chainAttributes("md");
        a.put("time_step", Double.toString(md.timeStepPs()));
        a.put("friction", Double.toString(md.frictionPerPs()));
        a.put("minimised", Boolean.toString(minimise));
        a.put("kinetic_temperature", Double.toString(r.kineticTemperature()));
        return new Drawn(r.frames(), r.counts(), a,
                String.format(Locale.ROOT, "Langevin MD, kinetic temperature %.1f", r.kineticTemperature()), r.potentialEnergies());
    }

    private Drawn replicaExchange(Target target, double t, double[] x0, StepProgress progress) {
        if (rungs < 2 || swapEvery < 1) throw new UserInputException("--rungs must be at least 2 and --swap-every at least 1");
        double hottest = maxTemperature != null ? maxTemperature : 4 * t;
        if (!(hottest > t)) throw new UserInputException("--max-temperature must exceed the temperature " + t);
        ReplicaExchange pt;
        try {
            pt = new ReplicaExchange(kernel(ptKernel.toLowerCase(Locale.ROOT), target), TemperatureLadder.geometric(t, hottest, rungs),
                    swapEvery, false);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        // warm-up and thinning count swap rounds here, each of --swap-every moves per rung
        ReplicaExchangeResult r = pt.run(target, x0, chains, schedule(), seed, (done, total) -> progress.step(done, total, ""));
        Map<String, String> a = chainAttributes("pt");
        a.put("pt_kernel", ptKernel);
        a.put("ladder", Arrays.toString(r.temperatures()));
        double[] rates = new double[rungs - 1];
        for (int i = 0; i < rates.length; i++) rates[i] = r.swapAcceptanceRate(i);
        a.put("swap_acceptance", Arrays.toString(rates));
        return new Drawn(r.coldSamples(), r.counts(), a,
                "replica exchange over " + rungs + " rungs, swap acceptance " + Arrays.toString(Arrays.stream(rates)
                        .map(v -> Math.round(v * 1000) / 1000.0).toArray()), r.energies()[0]);
    }

    private Map<String, String> chainAttributes(String name) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("method", name);
        a.put("chains", Integer.toString(chains));
        a.put("warmup", Integer.toString(warmup));
        a.put("thinning", Integer.toString(thin));
        return a;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
