package io.pitaj.models.train;

import io.pitaj.models.graph.Autodiff;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.nets.BackboneCall;
import io.pitaj.models.nets.BackboneConfig;
import io.pitaj.models.nets.EnergyModel;
import io.pitaj.models.nets.ModelPair;
import io.pitaj.models.nets.NoiseSchedule;
import io.pitaj.models.nets.Preconditioning;
import io.pitaj.models.nets.ScoreModel;
import io.pitaj.models.nn.BoundParameters;
import io.pitaj.models.nn.Dropout;
import io.pitaj.models.nn.ParameterSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PITA's training objective (pita-algorithm.md §1.4) over a score network θ and an energy network φ, as a graph
 * built into a {@link TrainingStepGraph}. Per sample, with x_t = x0 + σ·ε, h = σ², λ = (h + 1)/h:
 * <ul>
 *   <li>score: λ‖D_θ(x_t) − x0‖², zero where h &lt; σ_min²;</li>
 *   <li>energy_score (distillation): λ‖D_φ(x_t) − stopgrad(D_θ(x_t))‖² with D_φ = x_t − h∇ₓU_φ(x_t) built from graph
 *       nodes, so its parameter gradient is second order;</li>
 *   <li>energy_matching (pinning): (U_φ(x0, σ_min²) − E/kT)², zero where E/kT &gt; the energy limit (1000);</li>
 *   <li>target_score: ‖x_t + h·f − D_θ(x_t)‖² with the stored (clipped) force f = ∇log π(x0), only where
 *       σ &lt; σ(t_max) (t_max = 0.2), no λ.</li>
 * </ul>
 * Each term is a batch mean — the target-score term over its selected samples only (0 when none is selected), as
 * the reference indexes them out before averaging — and the loss is their weighted sum. The per-sample draws (x0
 * after augmentation, mean-free ε, ln σ) are data inputs: {@link PitaBatches} makes them.
 *
 * <p>Data inputs (a term with weight 0 is not built and its inputs are not declared): {@value #X0}, {@value #NOISE}
 * and, with a target-score weight, {@value #FORCE} [B, sample dims]; {@value #LOG_SIGMA} [B]; with a pinning weight
 * {@value #REDUCED_ENERGY} (E/kT = −log π) [B]; {@value #BETA} [B] for a β-conditioned
 * backbone; {@value #DROPOUT_ROWS} (int64 [B]) and {@value #DROPOUT_KEY} (int64 scalar) when the backbone has
 * dropout. Parameters: the score network under {@value #SCORE}/, the energy network under {@value #ENERGY}/.
 */
public final class PitaLoss implements LossFunction {
    public static final String X0 = "x0", NOISE = "noise", FORCE = "force", LOG_SIGMA = "log_sigma",
            REDUCED_ENERGY = "reduced_energy", BETA = "beta", DROPOUT_ROWS = "dropout_rows", DROPOUT_KEY = "dropout_key";
    /** Parameter-name prefixes of the two networks in the trained set, and the names of the reported terms. */
    public static final String SCORE = "score", ENERGY = "energy", ENERGY_SCORE = "energy_score",
            ENERGY_MATCHING = "energy_matching", TARGET_SCORE = "target_score";

    /**
     * @param schedule         the noise schedule (σ_min masks the score term and is the pinning noise level)
     * @param weights          the terms' weights
     * @param targetScoreTime  the target-score term uses samples with σ &lt; σ(t) for this t (0.2)
     * @param energyLimit      pinning drops samples with E/kT above this (1000)
     */
    public record Config(NoiseSchedule schedule, LossWeights weights, double targetScoreTime, double energyLimit) {
        public static final double REFERENCE_TARGET_SCORE_TIME = 0.2;
        public static final double REFERENCE_ENERGY_LIMIT = 1000;

        public static Config reference(NoiseSchedule schedule, LossWeights weights) {
            return new Config(schedule, weights, REFERENCE_TARGET_SCORE_TIME, REFERENCE_ENERGY_LIMIT);
        }
    }

    private final ModelPair models;
    private final Config config;

    public PitaLoss(ModelPair models, Config config) {
        this.models = models;
        this.config = config;
    }

    /** The trained parameters: both networks under their prefixes, sharing the pair's arrays. */
    public static ParameterSet parameters(ModelPair models) {
        Map<String, ParameterSet> parts = new LinkedHashMap<>();
        parts.put(SCORE + "/", models.score());
        parts.put(ENERGY + "/", models.energy());
        return ParameterSet.union(parts);
    }

    @Override
    public Node build(BoundParameters p, DataInputs data) {
        if (models.network() != data.dtype()) {
            throw new IllegalArgumentException("networks in " + models.network() + " inside a " + data.dtype() + " step graph");
        }
        BackboneConfig arch = models.backbone().config();
        int[] x = sampleInput(arch);
        Node x0 = data.input(X0, x), noise = data.input(NOISE, x);
        Node logSigma = data.input(LOG_SIGMA, Shape.BATCH);
        Node beta = arch.betaConditioned() ? data.input(BETA, Shape.BATCH) : null;
        Dropout dropout = arch.dropout() > 0
                ? Dropout.withRate(arch.dropout(), data.integerInput(DROPOUT_ROWS, Shape.BATCH), data.integerInput(DROPOUT_KEY))
                : Dropout.OFF;
        BoundParameters theta = p.scoped(SCORE + "/"), phi = p.scoped(ENERGY + "/");

        Node h = logSigma.mul(2).exp();
        Node sigma = logSigma.exp();
        Node xt = x0.add(Preconditioning.perSample(sigma, x0).mul(noise));
        Node lambda = h.add(1).div(h);
        double hMin = config.schedule().sigmaMin() * config.schedule().sigmaMin();
        Node zero = logSigma.mul(0);

        BackboneCall scoreCall = models.call(theta, xt, h, beta, dropout);
        Node denoised = ScoreModel.denoiser(scoreCall);
        Node score = h.ge(data.scalar(hMin)).where(lambda.mul(scoreCall.perSampleSum(denoised.sub(x0).square())), zero).meanAll();
        data.report(SCORE, score);
        Node loss = score.mul(config.weights().score());

        LossWeights w = config.weights();
        if (w.energyScore() > 0) {
            BackboneCall energyCall = models.call(phi, xt, h, beta, dropout);
            Node gradient = Autodiff.grad(EnergyModel.energy(energyCall).sumAll(), List.of(xt)).get(0);
            Node gap = EnergyModel.denoiser(energyCall, gradient).sub(denoised.stopGradient());
            Node distillation = lambda.mul(energyCall.perSampleSum(gap.square())).meanAll();
            data.report(ENERGY_SCORE, distillation);
            loss = loss.add(distillation.mul(w.energyScore()));
        }
        if (w.energyMatching() > 0) {
            Node reducedEnergy = data.input(REDUCED_ENERGY, Shape.BATCH);
            Node pinned = EnergyModel.energy(models.call(phi, x0, zero.add(hMin), beta, dropout));
            Node kept = reducedEnergy.le(data.scalar(config.energyLimit()));
            Node matching = kept.where(pinned.sub(reducedEnergy).square(), zero).meanAll();
            data.report(ENERGY_MATCHING, matching);
            loss = loss.add(matching.mul(w.energyMatching()));
        }
        if (w.targetScore() > 0) {
            Node force = data.input(FORCE, x);
            Node target = xt.add(Preconditioning.perSample(h, x0).mul(force));
            double sigmaLimit = config.schedule().sigma(config.targetScoreTime());
            Node selected = h.lt(data.scalar(sigmaLimit * sigmaLimit));
            Node perSample = selected.where(scoreCall.perSampleSum(target.sub(denoised).square()), zero);
            Node count = selected.where(zero.add(1), zero).sumAll();
            Node targetScore = perSample.sumAll().div(count.max(data.scalar(1)));
            data.report(TARGET_SCORE, targetScore);
            loss = loss.add(targetScore.mul(w.targetScore()));
        }
        return loss;
    }

    /** [B, sample dims]. */
    private static int[] sampleInput(BackboneConfig arch) {
        int[] sample = arch.sampleShape();
        int[] dims = new int[sample.length + 1];
        dims[0] = Shape.BATCH;
        System.arraycopy(sample, 0, dims, 1, sample.length);
        return dims;
    }
}
