package io.pitaj.models.train;

import static org.junit.jupiter.api.Assertions.*;

import io.pitaj.models.graph.Autodiff;
import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.Interpreter;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.nets.MlpConfig;
import io.pitaj.models.nets.ModelPair;
import io.pitaj.models.nets.NoiseSchedule;
import io.pitaj.models.nn.BoundParameters;
import io.pitaj.models.nn.Parameter;
import io.pitaj.models.nn.ParameterSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each PITA loss term against a computation by hand on a tiny MLP pair: the networks' raw outputs F come from the
 * backbone alone, and everything the loss assembles from them — preconditioning, λ, the masks, the energy's
 * gradient (by central differences here), the batch means — is recomputed in plain Java. The distillation
 * term's parameter gradient (second order) is checked against finite differences of the term itself.
 */
class PitaLossTest {
    private static final int D = 3;
    private static final NoiseSchedule SCHEDULE = NoiseSchedule.edm(0.05);
    private static final MlpConfig ARCH = new MlpConfig(List.of(D), 6, 1, 4, false);
    /** Four samples: σ below σ_min (score masked), an energy above the limit (pinning dropped), σ above σ(0.2) (no target score). */
    private static final double[] X0 = {0.3, -0.7, 0.2, 1.1, 0.4, -0.5, -0.2, 0.9, 0.6, 0.8, -1.3, 0.1};
    private static final double[] NOISE = {0.5, -1.2, 0.3, -0.4, 0.9, 1.5, 1.1, 0.2, -0.8, -0.6, 0.7, 0.4};
    private static final double[] LOG_SIGMA = {Math.log(0.02), Math.log(0.3), Math.log(0.1), Math.log(1.7)};
    private static final double[] REDUCED_ENERGY = {2.5, 1500, -0.7, 4.2};
    private static final double[] FORCE = {-0.3, 0.7, -0.2, -1.1, -0.4, 0.5, 0.2, -0.9, -0.6, -0.8, 1.3, -0.1};
    private static final LossWeights WEIGHTS = new LossWeights(1, 0.5, 2, 0.01);

    private final ModelPair models = pair();

    private static ModelPair pair() {
        ModelPair m = ModelPair.initialise(ARCH, 4, DType.F64);
        TinyPita.perturb(m, 9);
        return m;
    }

    private static Map<String, Tensor> data() {
        Map<String, Tensor> in = new HashMap<>();
        in.put("data/" + PitaLoss.X0, new Tensor(new int[] {4, D}, X0));
        in.put("data/" + PitaLoss.NOISE, new Tensor(new int[] {4, D}, NOISE));
        in.put("data/" + PitaLoss.FORCE, new Tensor(new int[] {4, D}, FORCE));
        in.put("data/" + PitaLoss.LOG_SIGMA, new Tensor(new int[] {4}, LOG_SIGMA));
        in.put("data/" + PitaLoss.REDUCED_ENERGY, new Tensor(new int[] {4}, REDUCED_ENERGY));
        return in;
    }

    /** The loss graph over the pair's parameters bound as inputs. */
    private record Built(Node total, Map<String, Node> terms, BoundParameters params) {}

    private Built build() {
        Graph g = new Graph();
        BoundParameters p = PitaLoss.parameters(models).bindAsInputs(g, DType.F64, "param/");
        DataInputs data = new DataInputs(g, DType.F64);
        Node total = new PitaLoss(models, PitaLoss.Config.reference(SCHEDULE, WEIGHTS)).build(p, data);
        return new Built(total, data.reportedTerms(), p);
    }

    private Map<String, Tensor> inputs(ParameterSet trained) {
        Map<String, Tensor> in = data();
        for (Parameter q : trained.parameters()) in.put("param/" + q.name(), q.tensor());
        return in;
    }

    /** F(c_noise, c_in·x) of one network for one sample, through the backbone alone. */
    private double[] backbone(ParameterSet weights, double[] x, double h) {
        Graph g = new Graph();
        Node y = g.input("y", DType.F64, 1, D), c = g.input("c", DType.F64, 1);
        Node f = models.backbone().apply(weights.bindAsConstants(g, DType.F64), c, y, null);
        double cIn = 1 / Math.sqrt(1 + h);
        double[] scaled = new double[D];
        for (int k = 0; k < D; k++) scaled[k] = cIn * x[k];
        return Interpreter.run(List.of(f), Map.of("y", new Tensor(new int[] {1, D}, scaled),
                "c", Tensor.vector(0.125 * Math.log(h)))).get(0).data();
    }

    private double[] scoreDenoiser(double[] x, double h) {
        double[] f = backbone(models.score(), x, h), d = new double[D];
        for (int k = 0; k < D; k++) d[k] = x[k] / (1 + h) + Math.sqrt(h) / Math.sqrt(1 + h) * f[k];
        return d;
    }

    private double energy(double[] x, double h) {
        double[] f = backbone(models.energy(), x, h);
        double sq = 0, inner = 0, cIn = 1 / Math.sqrt(1 + h);
        for (int k = 0; k < D; k++) {
            sq += x[k] * x[k];
            inner += f[k] * cIn * x[k];
        }
        return sq / (2 * (1 + h)) - inner / Math.sqrt(h);
    }

    private double[] energyDenoiser(double[] x, double h) {
        double[] d = new double[D];
        double eps = 1e-5;
        for (int k = 0; k < D; k++) {
            double[] up = x.clone(), down = x.clone();
            up[k] += eps;
            down[k] -= eps;
            d[k] = x[k] - h * (energy(up, h) - energy(down, h)) / (2 * eps);
        }
        return d;
    }

    @Test
    void everyTermMatchesAHandComputation() {
        double score = 0, distillation = 0, matching = 0, target = 0;
        int selected = 0;
        double hMin = 0.05 * 0.05, sigmaLimit = SCHEDULE.sigma(0.2);
        for (int i = 0; i < 4; i++) {
            double sigma = Math.exp(LOG_SIGMA[i]), h = sigma * sigma, lambda = (h + 1) / h;
            double[] x0 = java.util.Arrays.copyOfRange(X0, i * D, i * D + D), xt = new double[D];
            for (int k = 0; k < D; k++) xt[k] = x0[k] + sigma * NOISE[i * D + k];
            double[] dTheta = scoreDenoiser(xt, h), dPhi = energyDenoiser(xt, h);
            if (h >= hMin) score += lambda * squaredDistance(dTheta, x0);
            distillation += lambda * squaredDistance(dPhi, dTheta);
            if (REDUCED_ENERGY[i] <= 1000) matching += Math.pow(energy(x0, hMin) - REDUCED_ENERGY[i], 2);
            if (sigma < sigmaLimit) {
                double[] hat = new double[D];
                for (int k = 0; k < D; k++) hat[k] = xt[k] + h * FORCE[i * D + k];
                target += squaredDistance(hat, dTheta);
                selected++;
            }
        }
        assertEquals(3, selected, "σ(0.2) = 0.462 for σ_min 0.05: the fixture selects three of four samples");
        Built b = build();
        List<Node> outs = new ArrayList<>(b.terms().values());
        outs.add(b.total());
        List<Tensor> v = Interpreter.run(outs, inputs(PitaLoss.parameters(models)));
        Map<String, Double> expected = Map.of(PitaLoss.SCORE, score / 4, PitaLoss.ENERGY_SCORE, distillation / 4,
                PitaLoss.ENERGY_MATCHING, matching / 4, PitaLoss.TARGET_SCORE, target / selected);
        List<String> names = new ArrayList<>(b.terms().keySet());
        assertEquals(List.of(PitaLoss.SCORE, PitaLoss.ENERGY_SCORE, PitaLoss.ENERGY_MATCHING, PitaLoss.TARGET_SCORE), names);
        for (int i = 0; i < names.size(); i++) {
            // the energy gradient is a central difference here (error ~1e-10 relative); everything else is exact
            assertEquals(expected.get(names.get(i)), v.get(i).item(), 1e-7 * Math.max(1, Math.abs(expected.get(names.get(i)))), names.get(i));
        }
        double total = score / 4 + 0.5 * distillation / 4 + 2 * matching / 4 + 0.01 * target / selected;
        assertEquals(total, v.get(names.size()).item(), 1e-7 * total, "weighted total");
    }

    @Test
    void distillationGradientIsSecondOrderAndMatchesFiniteDifferences() {
        Built b = build();
        Node distillation = b.terms().get(PitaLoss.ENERGY_SCORE);
        List<Node> params = b.params().nodes();
        List<Node> grads = Autodiff.grad(distillation, params);
        ParameterSet trained = PitaLoss.parameters(models);
        List<Tensor> g = Interpreter.run(grads, inputs(trained));
        List<String> names = b.params().names();
        int checked = 0;
        for (int i = 0; i < names.size(); i++) {
            double[] values = trained.get(names.get(i)).values();
            boolean scoreNet = names.get(i).startsWith(PitaLoss.SCORE + "/");
            for (int j = 0; j < values.length; j += 5) {
                double saved = values[j], eps = 1e-6;
                values[j] = saved + eps;
                double up = Interpreter.run(List.of(distillation), inputs(trained)).get(0).item();
                values[j] = saved - eps;
                double down = Interpreter.run(List.of(distillation), inputs(trained)).get(0).item();
                values[j] = saved;
                double fd = (up - down) / (2 * eps);
                double analytic = g.get(i) == null ? 0 : g.get(i).data()[j];
                if (scoreNet) {
                    // stop-gradient: the score network receives nothing from distillation, whatever the value moves
                    assertEquals(0, analytic, 0.0, names.get(i));
                } else {
                    assertEquals(fd, analytic, 1e-6 * Math.max(1, Math.abs(fd)), names.get(i) + "[" + j + "]");
                    checked++;
                }
            }
        }
        assertTrue(checked > 10, "checked " + checked + " energy-network entries");
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) s += (a[k] - b[k]) * (a[k] - b[k]);
        return s;
    }
}
