package io.pitaj.activities.stages;

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
import io.pitaj.models.sampling.mcmc.SamplerProgress;
import io.pitaj.models.sampling.mcmc.Schedule;
import io.pitaj.models.sampling.mcmc.TemperatureLadder;
import io.pitaj.models.targets.EnergyUnit;
import io.pitaj.models.targets.Target;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Samples at one temperature by chains — MALA, HMC, NUTS, BAOAB Langevin MD or replica exchange — on a batch of
 * independent chains, with the chains' convergence diagnostics: what {@code pita sample} and the pipeline's
 * HotSamples activity run. Every bad setting is an {@link IllegalArgumentException} with a message naming the option.
 *
 * @param step          first step size (MALA length², HMC/NUTS length, MD time step), null for the unit's default
 * @param friction      MD friction, null for the unit's default (0.3 /ps for peptides as PITA)
 * @param maxTemperature replica exchange's hottest rung, null for 4 × the temperature
 */
public record HotSampling(String method, int samples, int chains, int warmup, int thin, Double step, int leapfrog, Double friction,
                          boolean minimise, int rungs, Double maxTemperature, String ptKernel, int swapEvery) {
    public static final List<String> METHODS = List.of("mala", "hmc", "nuts", "md", "pt");
    /** First step sizes per unit system; MCMC adapts them in warm-up. MALA: squared length; HMC/NUTS: length. */
    private static final double MALA_STEP_NM2 = 1e-6, MALA_STEP_REDUCED = 1e-2, HMC_STEP_NM = 1e-3, HMC_STEP_REDUCED = 0.05;

    /** What a sampler produced: physical samples (chain-major), the evaluations spent, what to record, and the energies. */
    public record Drawn(double[] x, EvaluationCounts counts, Map<String, String> attributes, String summary, double[] energies) {}

    /** PITA's peptide MD warms up 5,000 steps, which also lets 0.3 /ps friction re-thermalise after minimisation. */
    public static int defaultWarmup(String method, EnergyUnit unit) { return method.equals("md") && unit == EnergyUnit.KJ_PER_MOL ? 5000 : 1000; }

    public HotSampling {
        method = method.toLowerCase(Locale.ROOT);
        ptKernel = ptKernel.toLowerCase(Locale.ROOT);
        if (!METHODS.contains(method)) throw new IllegalArgumentException("unknown --method '" + method + "'; choose " + String.join(", ", METHODS));
        if (samples < 1) throw new IllegalArgumentException("--samples must be at least 1, got " + samples);
        if (chains < 1 || warmup < 0 || thin < 1) throw new IllegalArgumentException("--chains and --thin must be at least 1 and --warmup not negative");
        if (chains > samples) throw new IllegalArgumentException("--chains (" + chains + ") may not exceed --samples (" + samples + ")");
        if (method.equals("pt")) {
            if (!List.of("mala", "md").contains(ptKernel)) throw new IllegalArgumentException("--pt-kernel must be mala or md, got '" + ptKernel + "'");
            if (rungs < 2 || swapEvery < 1) throw new IllegalArgumentException("--rungs must be at least 2 and --swap-every at least 1");
        }
    }

    /** Runs the chains from {@code x0} (one configuration per chain, physical) and adds the diagnostics to the attributes. */
    public Drawn run(Target target, double temperature, double[] x0, long seed, SamplerProgress progress) {
        Drawn d = switch (method) {
            case "md" -> md(target, temperature, x0, seed, progress);
            case "pt" -> replicaExchange(target, temperature, x0, seed, progress);
            default -> mcmc(target, temperature, x0, seed, progress);
        };
        d.attributes().putAll(EvaluatedSamples.counts(d.counts()));
        d.attributes().putAll(diagnostics(target, d.x(), d.energies(), chains));
        return d;
    }

    /**
     * Split R-hat, integrated autocorrelation time (in kept samples) and ESS of the chains' energies and, for
     * peptides, the worst of the same over the sines and cosines of the backbone torsions; empty for chains of fewer
     * than 4 kept samples.
     */
    public static Map<String, String> diagnostics(Target target, double[] x, double[] energies, int chains) {
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

    /** The numeric attributes worth a provenance record's headline: diagnostics and acceptance. */
    public static Map<String, Double> headline(Map<String, String> attributes) {
        Map<String, Double> h = new LinkedHashMap<>();
        attributes.forEach((k, v) -> {
            if (k.startsWith("rhat_") || k.startsWith("iat_") || k.startsWith("ess_") || k.equals("acceptance")) h.put(k, Double.parseDouble(v));
        });
        return h;
    }

    private static void put(Map<String, String> d, String what, ConvergenceDiagnostics.Summary s) {
        d.put("rhat_" + what, String.format(Locale.ROOT, "%.4f", s.rhat()));
        d.put("iat_" + what, String.format(Locale.ROOT, "%.2f", s.autocorrelationTime()));
        d.put("ess_" + what, String.format(Locale.ROOT, "%.1f", s.ess()));
    }

    private Schedule schedule() { return new Schedule(warmup, (samples + chains - 1) / chains, thin); }

    private MarkovKernel kernel(String name, Target target) {
        boolean nm = target.unit() == EnergyUnit.KJ_PER_MOL;
        return switch (name) {
            case "mala" -> Mala.adaptive(step != null ? step : nm ? MALA_STEP_NM2 : MALA_STEP_REDUCED);
            case "hmc" -> Hmc.adaptive(step != null ? step : nm ? HMC_STEP_NM : HMC_STEP_REDUCED, leapfrog);
            case "nuts" -> Nuts.adaptive(step != null ? step : nm ? HMC_STEP_NM : HMC_STEP_REDUCED);
            case "md" -> dynamics(target, false);
            default -> throw new IllegalArgumentException("--pt-kernel must be mala or md, got '" + name + "'");
        };
    }

    private LangevinMd dynamics(Target target, boolean withMinimisation) {
        LangevinMd base = LangevinMd.defaults(target.unit());
        double dt = step != null ? step : base.timeStepPs();
        double gamma = friction != null ? friction : base.frictionPerPs();
        return new LangevinMd(dt, gamma, withMinimisation ? EnergyMinimiser.defaults() : null);
    }

    private Drawn mcmc(Target target, double t, double[] x0, long seed, SamplerProgress progress) {
        McmcResult r = ChainRunner.sample(kernel(method, target), target, t, x0, chains, schedule(), seed, progress);
        Map<String, String> a = chainAttributes();
        a.put("acceptance", Double.toString(r.meanAcceptance()));
        a.put("step_size_median", Double.toString(median(r.stepSizes())));
        return new Drawn(r.samples(), r.counts(), a, String.format(Locale.ROOT, "%s, acceptance %.3f", method, r.meanAcceptance()), r.energies());
    }

    private Drawn md(Target target, double t, double[] x0, long seed, SamplerProgress progress) {
        LangevinMd md = dynamics(target, minimise);
        MdResult r = md.run(target, t, x0, chains, schedule(), seed, progress);
        Map<String, String> a = chainAttributes();
        a.put("time_step", Double.toString(md.timeStepPs()));
        a.put("friction", Double.toString(md.frictionPerPs()));
        a.put("minimised", Boolean.toString(minimise));
        a.put("kinetic_temperature", Double.toString(r.kineticTemperature()));
        return new Drawn(r.frames(), r.counts(), a,
                String.format(Locale.ROOT, "Langevin MD, kinetic temperature %.1f", r.kineticTemperature()), r.potentialEnergies());
    }

    private Drawn replicaExchange(Target target, double t, double[] x0, long seed, SamplerProgress progress) {
        double hottest = maxTemperature != null ? maxTemperature : 4 * t;
        if (!(hottest > t)) throw new IllegalArgumentException("--max-temperature must exceed the temperature " + t);
        ReplicaExchange pt = new ReplicaExchange(kernel(ptKernel, target), TemperatureLadder.geometric(t, hottest, rungs), swapEvery, false);
        // warm-up and thinning count swap rounds here, each of --swap-every moves per rung
        ReplicaExchangeResult r = pt.run(target, x0, chains, schedule(), seed, progress);
        Map<String, String> a = chainAttributes();
        a.put("pt_kernel", ptKernel);
        a.put("ladder", Arrays.toString(r.temperatures()));
        double[] rates = new double[rungs - 1];
        for (int i = 0; i < rates.length; i++) rates[i] = r.swapAcceptanceRate(i);
        a.put("swap_acceptance", Arrays.toString(rates));
        return new Drawn(r.coldSamples(), r.counts(), a, "replica exchange over " + rungs + " rungs, swap acceptance "
                + Arrays.toString(Arrays.stream(rates).map(v -> Math.round(v * 1000) / 1000.0).toArray()), r.energies()[0]);
    }

    private Map<String, String> chainAttributes() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("method", method);
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
