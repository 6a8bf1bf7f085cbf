package io.pitaj.models.train;

import io.pitaj.models.graph.NamedGraph;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.nn.ParameterSet;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The training-step graph's Adam update against a hand-written PyTorch-semantics Adam on the same gradients. */
class AdamStepGraphTest {
    private static final int STEPS = 6;

    @Test
    void matchesReferenceAdamWithClippingActive() {
        // entries up to ±2 over 9 parameters: ‖g‖ ≫ 0.5, so every step is clipped
        runAgainstReference(AdamConfig.PITA, 2.0, true);
    }

    @Test
    void matchesReferenceAdamWithClippingInactive() {
        // entries up to ±0.05: ‖g‖ ≤ 0.15 < 0.5, the clip factor is exactly 1
        runAgainstReference(AdamConfig.PITA, 0.05, false);
    }

    @Test
    void matchesReferenceAdamWithoutClipping() {
        runAgainstReference(AdamConfig.PITA.withMaxGradNorm(Double.POSITIVE_INFINITY), 2.0, false);
    }

    private static void runAgainstReference(AdamConfig config, double gradScale, boolean expectClipped) {
        ParameterSet init = LinearLossFixture.parameters(1);
        NamedGraph graph = TrainingStepGraph.build(init, DType.F64, config, LinearLossFixture.loss(init), true);
        ReferenceLoop trainer = new ReferenceLoop(new InterpreterExecutor(graph), TrainingState.initial(init),
                AdamConfig.PITA_LEARNING_RATE);
        ReferenceAdam reference = new ReferenceAdam(init.toFlat(), config);
        SplittableRandom rng = new SplittableRandom(2);
        for (int s = 1; s <= STEPS; s++) {
            Map<String, Tensor> batch = LinearLossFixture.coefficients(init, gradScale, rng);
            double[] grad = LinearLossFixture.flatGradient(init, batch);
            double expectedLoss = dot(reference.p, grad);
            double norm = reference.step(grad);
            assertEquals(expectClipped, config.clips() && norm > config.maxGradNorm(), "clipping regime at step " + s);

            ReferenceLoop.StepResult result = trainer.step(batch);
            assertEquals(s, result.step());
            assertEquals(expectedLoss, result.loss(), 1e-12);
            assertEquals(norm, result.gradNorm(), 1e-12);
            TrainingState state = trainer.state();
            assertArrayEquals(reference.m, state.adamM().toFlat(), 1e-12, "m at step " + s);
            assertArrayEquals(reference.v, state.adamV().toFlat(), 1e-12, "v at step " + s);
            assertArrayEquals(reference.p, state.params().toFlat(), 1e-12, "params at step " + s);
        }
        assertTrue(Math.abs(reference.p[0] - init.toFlat()[0]) > 1e-3, "the parameters moved");
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** torch.nn.utils.clip_grad_norm_ followed by torch.optim.Adam (single-tensor path), written out in Java. */
    private static final class ReferenceAdam {
        final double[] p, m, v;
        final AdamConfig c;
        int t;

        ReferenceAdam(double[] p, AdamConfig c) {
            this.p = p.clone();
            this.m = new double[p.length];
            this.v = new double[p.length];
            this.c = c;
        }

        /** Updates in place and returns the pre-clip global norm. */
        double step(double[] grad) {
            double sq = 0;
            for (double g : grad) sq += g * g;
            double norm = Math.sqrt(sq);
            double factor = c.clips() ? Math.min(1, c.maxGradNorm() / (norm + 1e-6)) : 1;
            t++;
            double bias1 = 1 - Math.pow(c.beta1(), t), bias2 = 1 - Math.pow(c.beta2(), t);
            double stepSize = AdamConfig.PITA_LEARNING_RATE / bias1;
            for (int i = 0; i < p.length; i++) {
                double g = grad[i] * factor;
                m[i] = c.beta1() * m[i] + (1 - c.beta1()) * g;
                v[i] = c.beta2() * v[i] + (1 - c.beta2()) * g * g;
                double denominator = Math.sqrt(v[i]) / Math.sqrt(bias2) + c.eps();
                p[i] -= stepSize * m[i] / denominator;
            }
            return norm;
        }
    }
}
