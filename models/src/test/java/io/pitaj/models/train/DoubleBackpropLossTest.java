package io.pitaj.models.train;

import io.pitaj.models.graph.NamedGraph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.models.graph.Autodiff;
import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.Interpreter;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.nn.BoundParameters;
import io.pitaj.models.nn.Mlp;
import io.pitaj.models.nn.Parameter;
import io.pitaj.models.nn.ParameterSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * L = mean_b ‖x_b − h·∇ₓU(x_b)‖² for an MLP energy U: its weight gradient needs ∂(∇ₓU)/∂θ, i.e. double backprop.
 * The graph's gradient is checked against central differences of L over every weight.
 */
class DoubleBackpropLossTest {
    private static final double H = 0.1;
    private static final double FD_STEP = 1e-5;

    @Test
    void weightGradientMatchesCentralDifferences() {
        for (Mlp.Activation activation : Mlp.Activation.values()) {
            ParameterSet params = new ParameterSet();
            Mlp energy = new Mlp(params, "energy", 2, 5, 2, 1, activation, new SplittableRandom(3));
            Tensor x = Tensor.zeros(4, 2);
            SplittableRandom rng = new SplittableRandom(4);
            for (int i = 0; i < x.size(); i++) x.data()[i] = rng.nextDouble(-1.5, 1.5);

            double[] graphGrad = gradient(params, (p, xs) -> Losses.gradientStepSquaredNorm(energy.apply(p, xs), xs, H), x);
            double[] fdGrad = finiteDifferences(params, energy, x);
            for (int i = 0; i < fdGrad.length; i++) {
                assertEquals(fdGrad[i], graphGrad[i], 1e-7 * Math.max(1, Math.abs(fdGrad[i])), activation + " weight " + i);
            }

            // the second-order path matters: with ∇ₓU treated as a constant the weight gradient is clearly different
            double[] firstOrderOnly = gradient(params, (p, xs) -> {
                Node gradU = Autodiff.grad(energy.apply(p, xs).sumAll(), List.of(xs)).get(0).stopGradient();
                return xs.sub(gradU.mul(H)).square().sum(1).mean(0);
            }, x);
            assertTrue(maxAbsDifference(firstOrderOnly, fdGrad) > 1e-3, activation + ": test would not see a missing term");

            // and the whole training-step graph differentiates the same loss: its pre-clip norm is ‖∇L‖
            NamedGraph step = TrainingStepGraph.build(params, DType.F64, AdamConfig.PITA,
                    (p, data) -> {
                        Node xs = data.input("x", Shape.BATCH, 2);
                        return Losses.gradientStepSquaredNorm(energy.apply(p, xs), xs, H);
                    }, false);
            Map<String, Tensor> in = ReferenceLoop.stepInputs(TrainingState.initial(params), 1e-3, Map.of("x", x));
            assertEquals(norm(fdGrad), new InterpreterExecutor(step).run(in).get("grad_norm").item(), 1e-7);
        }
    }

    private interface Loss {
        Node build(BoundParameters p, Node x);
    }

    private static double[] gradient(ParameterSet params, Loss loss, Tensor x) {
        Graph g = new Graph();
        BoundParameters p = params.bindAsInputs(g, DType.F64, "param/");
        Node xs = g.input("x", DType.F64, Shape.BATCH, 2);
        List<Node> grads = Autodiff.grad(loss.build(p, xs), p.nodes());
        Map<String, Tensor> in = new HashMap<>(Map.of("x", x));
        for (Parameter q : params.parameters()) in.put("param/" + q.name(), q.tensor());
        List<Double> flat = new ArrayList<>();
        for (Tensor t : Interpreter.run(grads, in)) for (double v : t.data()) flat.add(v);
        return flat.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] finiteDifferences(ParameterSet params, Mlp energy, Tensor x) {
        Graph g = new Graph();
        BoundParameters p = params.bindAsInputs(g, DType.F64, "param/");
        Node xs = g.input("x", DType.F64, Shape.BATCH, 2);
        Node loss = Losses.gradientStepSquaredNorm(energy.apply(p, xs), xs, H);
        ParameterSet probe = params.copy();
        double[] theta = params.toFlat(), grad = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            double[] plus = theta.clone(), minus = theta.clone();
            plus[i] += FD_STEP;
            minus[i] -= FD_STEP;
            grad[i] = (lossAt(loss, probe, plus, x) - lossAt(loss, probe, minus, x)) / (2 * FD_STEP);
        }
        return grad;
    }

    private static double lossAt(Node loss, ParameterSet probe, double[] theta, Tensor x) {
        probe.setFlat(theta);
        Map<String, Tensor> in = new HashMap<>(Map.of("x", x));
        for (Parameter q : probe.parameters()) in.put("param/" + q.name(), q.tensor());
        return Interpreter.run(List.of(loss), in).get(0).item();
    }

    private static double maxAbsDifference(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) s += v * v;
        return Math.sqrt(s);
    }
}
