package io.pitaj.models.train;

import static org.junit.jupiter.api.Assertions.*;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.Interpreter;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.nets.BackboneCall;
import io.pitaj.models.nets.EnergyModel;
import io.pitaj.models.nets.MlpConfig;
import io.pitaj.models.nets.ModelPair;
import io.pitaj.models.nets.NoiseSchedule;
import io.pitaj.models.nets.ScoreModel;
import io.pitaj.models.runtime.SessionSettings;
import io.pitaj.models.targets.ParticleLayout;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Trains a PITA pair on exact samples of a Gaussian mixture — whose noised densities p_σ = Σ w_k N(μ_k, (s_k² + σ²)I)
 * are closed-form at every σ — and compares the EMA networks with the analytic answers at σ ∈ {0.1, 0.5, 2}:
 * the score network's relative L2 error E‖s_θ − ∇log p_σ‖² / E‖∇log p_σ‖² (square-rooted) and the energy network's
 * differences U(a) − U(b) against log p_σ(b) − log p_σ(a) (relative L2 over independent pairs), both over points
 * drawn from p_σ. The networks train through the production path ({@link PitaTrainer} on ONNX Runtime).
 */
class GaussianMixtureTrainingTest {
    /**
     * Noise levels checked, with thresholds on the score's relative L2 error and on the energy differences' relative
     * error. Measured with this set-up (8,000 steps, batch 256, MLP 3 × 64): score 0.18/0.11 (1-D/2-D) at σ 0.1,
     * 0.09/0.07 at 0.5, 0.05/0.03 at 2; energy differences 0.52/0.18 at σ_min = 0.01, 0.26/0.41 at 0.5, 0.10/0.10 at
     * 2. The thresholds leave about a factor 1.5–2 for the run-to-run spread of an 8k-step fit; a broken term (a
     * wrong preconditioning factor, a lost stop-gradient, a sign) gives errors of order 1 or more. The energy is
     * not checked at σ = 0.1: there it is supervised only through distillation, whose weight λh² ∝ h is 0.01, and
     * across-mode differences came out at 0.6–1.4 in repeated runs (docs/training.md); the check would only
     * measure that spread.
     */
    private static final double[] SIGMAS = {0.01, 0.1, 0.5, 2};
    private static final double[] SCORE_TOLERANCE = {Double.NaN, 0.3, 0.2, 0.1};
    private static final double[] ENERGY_TOLERANCE = {0.8, Double.NaN, 0.7, 0.2};

    /** A mixture in d dimensions with isotropic components. */
    record Mixture(double[] weights, double[][] means, double[] sds) {
        int dim() { return means[0].length; }

        double logDensity(double[] x, int o, double sigma) {
            int d = dim();
            double max = Double.NEGATIVE_INFINITY;
            double[] terms = new double[weights.length];
            for (int k = 0; k < weights.length; k++) {
                double v = sds[k] * sds[k] + sigma * sigma, sq = 0;
                for (int c = 0; c < d; c++) sq += Math.pow(x[o + c] - means[k][c], 2);
                terms[k] = Math.log(weights[k]) - 0.5 * d * Math.log(2 * Math.PI * v) - sq / (2 * v);
                max = Math.max(max, terms[k]);
            }
            double s = 0;
            for (double t : terms) s += Math.exp(t - max);
            return max + Math.log(s);
        }

        double[] score(double[] x, int o, double sigma) {
            int d = dim();
            double total = logDensity(x, o, sigma);
            double[] g = new double[d];
            for (int k = 0; k < weights.length; k++) {
                double v = sds[k] * sds[k] + sigma * sigma, sq = 0;
                for (int c = 0; c < d; c++) sq += Math.pow(x[o + c] - means[k][c], 2);
                double resp = Math.exp(Math.log(weights[k]) - 0.5 * d * Math.log(2 * Math.PI * v) - sq / (2 * v) - total);
                for (int c = 0; c < d; c++) g[c] -= resp * (x[o + c] - means[k][c]) / v;
            }
            return g;
        }

        double[] sample(int n, double sigma, SplittableRandom rng) {
            int d = dim();
            double[] x = new double[n * d];
            for (int i = 0; i < n; i++) {
                double u = rng.nextDouble();
                int k = 0;
                while (k < weights.length - 1 && (u -= weights[k]) > 0) k++;
                double sd = Math.sqrt(sds[k] * sds[k] + sigma * sigma);
                for (int c = 0; c < d; c++) x[i * d + c] = means[k][c] + sd * rng.nextGaussian();
            }
            return x;
        }
    }

    static Mixture mixture(int dim) {
        return dim == 1
                ? new Mixture(new double[] {0.3, 0.7}, new double[][] {{-1.5}, {1.0}}, new double[] {0.3, 0.5})
                : new Mixture(new double[] {0.5, 0.3, 0.2}, new double[][] {{-1.2, 0.4}, {1.0, 1.0}, {0.6, -1.3}},
                        new double[] {0.35, 0.3, 0.4});
    }

    @ParameterizedTest(name = "{0}-D mixture")
    @ValueSource(ints = {1, 2})
    void learnedScoreAndEnergyMatchTheAnalyticMixture(int dim) {
        Mixture m = mixture(dim);
        SplittableRandom rng = new SplittableRandom(dim);
        int n = 20_000;
        double[] x = m.sample(n, 0, rng), logp = new double[n], force = new double[n * dim];
        for (int i = 0; i < n; i++) {
            logp[i] = m.logDensity(x, i * dim, 0);
            System.arraycopy(m.score(x, i * dim, 0), 0, force, i * dim, dim);
        }
        TrainingSamples samples = new TrainingSamples(new ParticleLayout(1, dim), false, 1, x, logp, force);
        MlpConfig arch = new MlpConfig(List.of(dim), 64, 3, 16, false);
        TrainingConfig config = TrainingConfig.reference(arch, NoiseSchedule.edm(0.01), LossWeights.PARTICLES, 256, 8000, 3, false, 0);
        ModelPair ema = new PitaTrainer(SessionSettings.cpu(2), null).train(List.of(samples), config, null, TrainingListener.NONE).emaModels();

        for (int level = 0; level < SIGMAS.length; level++) {
            double sigma = SIGMAS[level];
            int k = 2000;
            double[] pts = m.sample(k, sigma, new SplittableRandom(100 + dim));
            Evaluation e = evaluate(ema, pts, k, dim, sigma);
            double num = 0, den = 0;
            for (int i = 0; i < k; i++) {
                double[] exact = m.score(pts, i * dim, sigma);
                for (int c = 0; c < dim; c++) {
                    num += Math.pow(e.score[i * dim + c] - exact[c], 2);
                    den += exact[c] * exact[c];
                }
            }
            double scoreError = Math.sqrt(num / den);
            // energy differences between consecutive points against the exact log-density differences
            double diffErr = 0, diffSpread = 0;
            for (int i = 0; i + 1 < k; i += 2) {
                double exact = m.logDensity(pts, (i + 1) * dim, sigma) - m.logDensity(pts, i * dim, sigma);
                double learned = e.energy[i] - e.energy[i + 1];
                diffErr += Math.pow(learned - exact, 2);
                diffSpread += exact * exact;
            }
            double energyError = Math.sqrt(diffErr / diffSpread);
            System.out.printf("GMM %d-D σ=%.2f: score relative L2 error %.4f, energy-difference relative error %.4f%n",
                    dim, sigma, scoreError, energyError);
            // at σ_min the score's relative error is large by construction (s = (D − x)/h amplifies D's error by 10⁴)
            if (!Double.isNaN(SCORE_TOLERANCE[level])) assertTrue(scoreError < SCORE_TOLERANCE[level], "score error " + scoreError + " at σ " + sigma);
            if (!Double.isNaN(ENERGY_TOLERANCE[level])) {
                assertTrue(energyError < ENERGY_TOLERANCE[level], "energy-difference error " + energyError + " at σ " + sigma);
            }
        }
    }

    private record Evaluation(double[] score, double[] energy) {}

    /** s_θ and U_φ of the EMA networks at noise level σ, in the interpreter. */
    private static Evaluation evaluate(ModelPair models, double[] x, int n, int dim, double sigma) {
        Graph g = new Graph();
        Node xs = g.input("x", DType.F64, Shape.BATCH, dim);
        Node h = g.input("h", DType.F64, Shape.BATCH);
        BackboneCall s = models.call(models.score().bindAsConstants(g, models.network()), xs, h, null);
        BackboneCall u = models.call(models.energy().bindAsConstants(g, models.network()), xs, h, null);
        List<Tensor> out = Interpreter.run(List.of(ScoreModel.score(s), EnergyModel.energy(u)),
                java.util.Map.of("x", new Tensor(new int[] {n, dim}, x), "h", Tensor.filled(sigma * sigma, n)));
        return new Evaluation(out.get(0).data(), out.get(1).data());
    }
}
