package io.pitaj.models.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.pitaj.models.graph.ops.Input;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The finite-difference checks shared by all graph and network tests: central differences of graph outputs with
 * respect to named graph inputs, and the assertions that compare them with reverse-mode gradients (first order) and
 * double-backprop Hessian-vector products (second order). Every value — outputs, gradients and differences alike — is
 * computed by one {@link Engine}: the double-precision interpreter, or ONNX Runtime running the exported graphs.
 */
public final class FiniteDifferences {
    /** Central-difference step: truncation error ~h², rounding error ~1e-16/h, both far below the tolerances used. */
    public static final double STEP = 1e-5;
    public static final double TOLERANCE = 1e-6;

    private FiniteDifferences() {}

    /** (out(p + h·d) − out(p − h·d)) / 2h for each output; {@code direction} maps input names to displacements. */
    public static List<Tensor> directional(Engine engine, List<Node> outputs, Map<String, Tensor> point,
            Map<String, Tensor> direction, double h) {
        List<Tensor> plus = engine.run(outputs, displaced(point, direction, h));
        List<Tensor> minus = engine.run(outputs, displaced(point, direction, -h));
        List<Tensor> out = new ArrayList<>(outputs.size());
        for (int i = 0; i < outputs.size(); i++) out.add(Tensor.zip(plus.get(i), minus.get(i), (p, m) -> (p - m) / (2 * h)));
        return out;
    }

    /** Asserts that Autodiff.grad of the scalar {@code f} matches central differences in every element of every input. */
    public static void assertGradientMatches(Engine engine, Node f, List<Node> wrt, Map<String, Tensor> point, double h,
            double tol) {
        List<Tensor> grads = engine.run(Autodiff.grad(f, wrt), point);
        for (int k = 0; k < wrt.size(); k++) {
            String name = inputName(wrt.get(k));
            Tensor x = point.get(name);
            double[] numeric = new double[x.size()];
            for (int e = 0; e < x.size(); e++) {
                Tensor onehot = Tensor.zeros(x.shape());
                onehot.data()[e] = 1;
                numeric[e] = directional(engine, List.of(f), point, Map.of(name, onehot), h).get(0).item();
            }
            assertClose(new Tensor(x.shape(), numeric), grads.get(k), tol, "∂f/∂" + name);
        }
    }

    /**
     * Asserts that the Hessian-vector product by double backprop, ∇(⟨∇f, v⟩), matches the central difference of ∇f
     * along a random direction v that moves all inputs of {@code wrt} at once (so mixed second derivatives count).
     */
    public static void assertHessianVectorProductMatches(Engine engine, Node f, List<Node> wrt, Map<String, Tensor> point,
            Random rnd, double h, double tol) {
        Graph g = f.graph();
        List<Node> grads = Autodiff.grad(f, wrt);
        Map<String, Tensor> direction = new HashMap<>();
        Map<String, Tensor> withProbes = new HashMap<>(point);
        Node inner = null;
        for (int k = 0; k < wrt.size(); k++) {
            String name = inputName(wrt.get(k));
            Tensor v = RandomTensors.gaussian(rnd, point.get(name).shape());
            direction.put(name, v);
            String probeName = "probe" + g.size() + ":" + name;
            withProbes.put(probeName, v);
            Node term = grads.get(k).mul(g.input(probeName, wrt.get(k).dtype(), wrt.get(k).shape())).sumAll();
            inner = inner == null ? term : inner.add(term);
        }
        List<Tensor> hvp = engine.run(Autodiff.grad(inner, wrt), withProbes);
        List<Tensor> numeric = directional(engine, grads, point, direction, h);
        for (int k = 0; k < wrt.size(); k++) {
            assertClose(numeric.get(k), hvp.get(k), tol, "(H·v) for " + inputName(wrt.get(k)));
        }
    }

    public static void assertDerivativesMatch(Node f, List<Node> wrt, Map<String, Tensor> point, Random rnd) {
        assertGradientMatches(Engine.INTERPRETER, f, wrt, point, STEP, TOLERANCE);
        assertHessianVectorProductMatches(Engine.INTERPRETER, f, wrt, point, rnd, STEP, TOLERANCE);
    }

    /**
     * Checks first and second derivatives of a tensor-valued y through the scalar f = Σ w⊙(y + y²/2) with random
     * weights w (a graph input, so y may carry the batch dimension; {@code batch} binds it). The quadratic term makes
     * the second-order check non-trivial for ops linear in their inputs: it differentiates their VJPs.
     */
    public static void assertDerivativesOfWeightedSumMatch(Engine engine, Node y, List<Node> wrt, Map<String, Tensor> point,
            int batch, Random rnd, double h, double tol) {
        String name = "weights" + y.graph().size();
        Node w = y.graph().input(name, y.dtype(), y.shape());
        Map<String, Tensor> withWeights = new HashMap<>(point);
        withWeights.put(name, RandomTensors.gaussian(rnd, y.shape().bind(batch)));
        Node f = w.mul(y.add(y.square().mul(0.5))).sumAll();
        assertGradientMatches(engine, f, wrt, withWeights, h, tol);
        assertHessianVectorProductMatches(engine, f, wrt, withWeights, rnd, h, tol);
    }

    /** Element-wise |actual − expected| ≤ tol·max(1, max|expected|), with shapes equal. */
    public static void assertClose(Tensor expected, Tensor actual, double tol, String what) {
        assertEquals(List.of(box(expected.shape())), List.of(box(actual.shape())), what + ": shape");
        double scale = 1;
        for (double e : expected.data()) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.data()[i], a = actual.data()[i];
            if (!(Math.abs(a - e) <= tol * scale)) {
                fail(what + " differs at flat index " + i + ": expected " + e + ", got " + a + " (tolerance " + tol * scale
                        + ")\nexpected " + java.util.Arrays.toString(expected.data()) + "\nactual   "
                        + java.util.Arrays.toString(actual.data()));
            }
        }
    }

    private static Integer[] box(int[] a) { return java.util.Arrays.stream(a).boxed().toArray(Integer[]::new); }

    private static String inputName(Node n) {
        if (!(n.op() instanceof Input in)) {
            throw new IllegalArgumentException("finite differences need graph inputs, got " + n);
        }
        return in.inputName();
    }

    private static Map<String, Tensor> displaced(Map<String, Tensor> point, Map<String, Tensor> direction, double h) {
        Map<String, Tensor> out = new HashMap<>(point);
        direction.forEach((name, d) -> out.put(name, Tensor.zip(point.get(name), d, (x, v) -> x + h * v)));
        return out;
    }
}
