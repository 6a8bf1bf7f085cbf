package io.pitaj.models.sampling;

import io.pitaj.models.nets.DivergenceMode;
import io.pitaj.models.nets.SmcStepGraph;
import io.pitaj.models.runtime.SessionSettings;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Inference-time annealing by Feynman–Kac SMC (pita-algorithm.md §1.8): N particles from N(0, h(1)/γ·I) follow the
 * proposal SDE dx = γ(g²/2)(s_θ − ∇U_φ)dτ + g dW̄ from t = 1 to 0 in K Euler–Maruyama steps, and each step adds
 * the log-weight increment
 * <pre>  Δlog w = dt·[γ²(g²/2)⟨−∇U_φ, s_θ⟩ + γ(g²/2)∇·s_θ + γ ∂U_φ/∂t]</pre>
 * evaluated before the move, so that the population tracks q_t ∝ exp(−γ U_φ(x, t)), which at t = 0 is the model's
 * density raised to γ: the target at T/γ. Everything the step needs comes from one call of the model's SMC-step
 * graph per chunk; the host does the drift, the increments (with the optional per-chunk quantile clip), the move,
 * the resampling and the bookkeeping in double precision.
 *
 * <p>The other {@link WeightEstimator}s reuse the loop: {@code snis} generates at γ = 1 with the score graph and
 * weights once at the end; {@code none} is the score-scaling baseline (drift γ·g²·s_θ, no weights).
 */
public final class FeynmanKacAnnealer {
    private final AnnealingModel model;
    private final SessionSettings settings;

    public FeynmanKacAnnealer(AnnealingModel model, SessionSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    public AnnealingModel model() { return model; }

    /**
     * Anneals by {@code c.gamma()}; {@code target} at {@code targetTemperature} is used only by a final
     * self-normalised weighting ({@code snis} or {@code c.finalSnis()}).
     */
    public AnnealingResult run(AnnealingConfig c, ModelCoordinates target, double targetTemperature, AnnealingListener listener) {
        long start = System.nanoTime();
        SplittableRandom root = new SplittableRandom(c.seed());
        SplittableRandom priorRng = root.split(), noiseRng = root.split(), resampleRng = root.split(), probeRng = root.split();
        Particles particles = new Particles(model);
        int n = c.particles(), d = particles.dimension(), steps = c.steps();
        WeightEstimator estimator = c.estimator();
        boolean weighted = estimator instanceof WeightEstimator.Exact || estimator instanceof WeightEstimator.Hutchinson;
        double gamma = c.gamma();
        double generationGamma = estimator instanceof WeightEstimator.SelfNormalised ? 1 : gamma;
        double dt = 1.0 / steps;

        double[] x = particles.prior(n, model.schedule().variance(1) / generationGamma, priorRng);
        double[] logW = new double[n];
        double logZ = 0;
        double[] essTrace = new double[steps], logZTrace = new double[steps];
        int[] ancestorsTrace = new int[steps];
        EvaluationCounts counts = EvaluationCounts.NONE;
        long networkNs = 0, targetNs = 0, resampleNs = 0, setupNs;
        long s0 = System.nanoTime();
        try (ChunkedModel net = weighted ? stepModel(estimator, c.chunk()) : scoreModel(c.chunk())) {
            setupNs = System.nanoTime() - s0;
            double[] drift = new double[n * d], increment = new double[n];
            for (int k = 0; k < steps; k++) {
                double t = 1 - k * dt, g2 = model.schedule().g2(t);
                long t0 = System.nanoTime();
                Map<String, double[]> out = net.evaluate(x, n, t, probeRng);
                networkNs += System.nanoTime() - t0;
                double[] s = out.get(SmcStepGraph.SCORE);
                if (!weighted) {
                    for (int i = 0; i < n * d; i++) drift[i] = generationGamma * g2 * s[i];
                    particles.move(x, drift, dt, g2, n, noiseRng);
                    essTrace[k] = n;
                    listener.stepDone(k + 1, steps, n);
                    continue;
                }
                increments(out, gamma, g2, n, d, drift, increment);
                if (c.clipping()) {
                    for (int from = 0; from < n; from += c.chunk()) {
                        LogWeights.clipAboveQuantile(increment, from, Math.min(n, from + c.chunk()), c.clipQuantile());
                    }
                }
                particles.move(x, drift, dt, g2, n, noiseRng);
                // PITA discards the increments once resampling has stopped; the ESS schedule keeps them to the end
                boolean carry = !(c.schedule() instanceof ResamplingSchedule.EveryStepUntil u) || k < u.until();
                if (carry) for (int i = 0; i < n; i++) logW[i] += increment[i] * dt;
                double ess = LogWeights.effectiveSampleSize(logW);
                essTrace[k] = ess;
                if (carry && resampleNow(c.schedule(), ess, n)) {
                    long r0 = System.nanoTime();
                    logZ += LogWeights.logMeanExp(logW);
                    int[] ancestors = c.resampler().ancestors(logW, resampleRng);
                    ancestorsTrace[k] = distinct(ancestors);
                    x = particles.select(x, ancestors);
                    Arrays.fill(logW, 0);
                    resampleNs += System.nanoTime() - r0;
                }
                logZTrace[k] = logZ + LogWeights.logMeanExp(logW);
                listener.stepDone(k + 1, steps, ess);
            }
            counts = counts.plusModel(net.particleEvaluations());
        }

        double finalEss = LogWeights.effectiveSampleSize(logW);
        if (estimator instanceof WeightEstimator.SelfNormalised || c.finalSnis()) {
            boolean snis = estimator instanceof WeightEstimator.SelfNormalised;
            // the reference evaluates the energy network at t* = 1 − k_end/K, not at t = 0 (§1.8.4 step 3)
            double tStar = !snis && c.schedule() instanceof ResamplingSchedule.EveryStepUntil u ? 1 - (double) u.until() / steps : 0;
            double[] u;
            long e0 = System.nanoTime();
            try (ChunkedModel energy = new ChunkedModel(model, model.stepGraphs().apply(new DivergenceMode.None()), "energy", settings, c.chunk(), 0)) {
                setupNs += System.nanoTime() - e0;
                long t0 = System.nanoTime();
                u = energy.evaluate(x, n, tStar, null).get(SmcStepGraph.ENERGY);
                networkNs += System.nanoTime() - t0;
                counts = counts.plusModel(energy.particleEvaluations());
            }
            long t1 = System.nanoTime();
            double[] logTarget = target.logDensity(x, n, targetTemperature);
            counts = counts.plusEnergies(n);
            long t2 = System.nanoTime();
            targetNs += t2 - t1;
            double uScale = snis ? 1 : gamma;
            double[] lw = new double[n];
            for (int i = 0; i < n; i++) {
                // a target that cannot be evaluated (NaN: overlapping atoms, say) gives the particle no weight
                lw[i] = Double.isNaN(logTarget[i]) ? Double.NEGATIVE_INFINITY : logTarget[i] + uScale * u[i] + logW[i];
            }
            if (c.clipping()) LogWeights.clipAboveQuantile(lw, 0, n, c.clipQuantile());
            finalEss = LogWeights.effectiveSampleSize(lw);
            logZ += LogWeights.logMeanExp(lw);
            x = particles.select(x, c.resampler().ancestors(lw, resampleRng));
            Arrays.fill(logW, 0);
            resampleNs += System.nanoTime() - t2;
        } else {
            double lme = LogWeights.logMeanExp(logW);
            logZ += lme;
            for (int i = 0; i < n; i++) logW[i] -= lme;
        }
        AnnealingResult.Times times = new AnnealingResult.Times(setupNs * 1e-9, networkNs * 1e-9, targetNs * 1e-9, resampleNs * 1e-9,
                (System.nanoTime() - start) * 1e-9);
        return new AnnealingResult(x, logW, logZ, finalEss, new AnnealingTrace(essTrace, logZTrace, ancestorsTrace), counts, times);
    }

    /** Drift γ(g²/2)(s − ∇U) and increment γ²(g²/2)⟨−∇U, s⟩ + γ(g²/2)∇·s + γ∂U/∂t per particle (§1.8.4 steps 2.2–2.3). */
    private static void increments(Map<String, double[]> out, double gamma, double g2, int n, int d, double[] drift, double[] increment) {
        double[] s = out.get(SmcStepGraph.SCORE), gradU = out.get(SmcStepGraph.ENERGY_GRAD);
        double[] div = out.get(SmcStepGraph.DIVERGENCE), dUdt = out.get(SmcStepGraph.ENERGY_DT);
        double half = 0.5 * g2;
        for (int i = 0; i < n; i++) {
            double dot = 0;
            for (int j = i * d; j < (i + 1) * d; j++) {
                dot += gradU[j] * s[j];
                drift[j] = gamma * half * (s[j] - gradU[j]);
            }
            increment[i] = -gamma * gamma * half * dot + gamma * half * div[i] + gamma * dUdt[i];
        }
    }

    private static boolean resampleNow(ResamplingSchedule schedule, double ess, int n) {
        return !(schedule instanceof ResamplingSchedule.EssBelow e) || ess < e.fraction() * n;
    }

    private ChunkedModel stepModel(WeightEstimator estimator, int chunk) {
        DivergenceMode mode = estimator instanceof WeightEstimator.Hutchinson h ? new DivergenceMode.Hutchinson(h.probes())
                : DivergenceMode.Exact.forDevice(settings.provider(), model.dimension());
        int probes = mode instanceof DivergenceMode.Hutchinson h ? h.probes() : 0;
        return new ChunkedModel(model, model.stepGraphs().apply(mode), "smc_step", settings, chunk, probes);
    }

    private ChunkedModel scoreModel(int chunk) {
        return new ChunkedModel(model, model.scoreGraph().get(), "score", settings, chunk, 0);
    }

    private static int distinct(int[] sortedAncestors) {
        int count = 0;
        for (int i = 0; i < sortedAncestors.length; i++) if (i == 0 || sortedAncestors[i] != sortedAncestors[i - 1]) count++;
        return count;
    }
}
