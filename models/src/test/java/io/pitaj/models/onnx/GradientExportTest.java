package io.pitaj.models.onnx;

import static io.pitaj.models.graph.Shape.BATCH;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pitaj.models.graph.Autodiff;
import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.GraphExporter;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.graph.ops.Input;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Derived graphs — first-order gradients, double backprop, exact divergence — exported and run in ONNX Runtime,
 * with the parameters fed as graph inputs and baked in as initializers.
 */
class GradientExportTest {
    private static final int HIDDEN = 16;

    /** A two-layer tanh/SiLU network on x [N, 3] whose parameters are graph inputs. */
    private static final class Mlp {
        final Graph g = new Graph();
        final DType f;
        final Node x, w1, b1, w2, b2;

        Mlp(DType f, int outputs) {
            this.f = f;
            x = g.input("x", f, BATCH, 3);
            w1 = g.input("w1", f, 3, HIDDEN);
            b1 = g.input("b1", f, HIDDEN);
            w2 = g.input("w2", f, HIDDEN, outputs);
            b2 = g.input("b2", f, outputs);
        }

        Node apply(Node in) {
            Node h = in.matmul(w1).add(b1).tanh();
            Node silu = h.mul(h.sigmoid());
            return silu.matmul(w2).add(b2);
        }

        List<Node> params() { return List.of(w1, b1, w2, b2); }

        Map<String, Tensor> weights(long seed) {
            Random rnd = new Random(seed);
            Map<String, Tensor> w = new TreeMap<>();
            for (Node p : params()) {
                String name = ((Input) p.op()).inputName();
                Tensor t = OrtAgreement.random(f, p.shape().dims(), rnd);
                w.put(name, t.map(v -> f == DType.F32 ? (float) (v * 0.5) : v * 0.5));
            }
            return w;
        }
    }

    /** Mean squared error of the network against a target, and its gradient with respect to every parameter. */
    private static Map<String, Node> lossAndGradients(Mlp net) {
        Node t = net.g.input("t", net.f, BATCH, 1);
        Node loss = net.apply(net.x).sub(t).square().meanAll();
        List<Node> grads = Autodiff.grad(loss, net.params());
        Map<String, Node> out = new LinkedHashMap<>();
        out.put("loss", loss);
        for (int i = 0; i < grads.size(); i++) out.put("grad" + i, grads.get(i));
        return out;
    }

    /** Gradient with respect to the parameters of ⟨∇ₓU, v⟩, U the summed energy: second derivatives of the net. */
    private static Map<String, Node> doubleBackprop(Mlp net) {
        Node u = net.apply(net.x).sumAll();
        Node forceLike = Autodiff.grad(u, List.of(net.x)).get(0);
        Node v = net.g.input("v", net.f, BATCH, 3);
        Node q = forceLike.mul(v).sumAll();
        List<Node> grads = Autodiff.grad(q, net.params());
        Map<String, Node> out = new LinkedHashMap<>();
        out.put("gradU", forceLike);
        out.put("q", q);
        for (int i = 0; i < grads.size(); i++) out.put("dq" + i, grads.get(i));
        return out;
    }

    /** The score-like field f(x) [N, 3] and its exact divergence [N]. */
    private static Map<String, Node> divergence(Mlp net) {
        Node field = net.apply(net.x);
        Map<String, Node> out = new LinkedHashMap<>();
        out.put("field", field);
        out.put("divergence", Autodiff.divergence(field, net.x, 2));
        return out;
    }

    private static void checkBothPlacements(Mlp net, Map<String, Node> outputs, int batch) {
        for (WeightPlacement placement : WeightPlacement.values()) {
            GraphExporter.Options options = GraphExporter.Options.named("g").withWeights(net.weights(7), placement);
            OrtAgreement.check(outputs, options, batch, OrtAgreement.tolerance(net.f), batch);
        }
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(ints = {1, 3, 64})
    void firstOrderGradientsAgree(int batch) {
        Mlp net = new Mlp(DType.F64, 1);
        checkBothPlacements(net, lossAndGradients(net), batch);
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(ints = {1, 3, 64})
    void doubleBackpropAgrees(int batch) {
        Mlp net = new Mlp(DType.F64, 1);
        checkBothPlacements(net, doubleBackprop(net), batch);
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(ints = {1, 3, 64})
    void exactDivergenceAgrees(int batch) {
        Mlp net = new Mlp(DType.F64, 3);
        checkBothPlacements(net, divergence(net), batch);
    }

    /** The float32 file computes what the double-precision interpreter does, to float tolerance. */
    @ParameterizedTest(name = "batch {0}")
    @ValueSource(ints = {1, 3, 64})
    void float32ExportsAgreeWithDoubleInterpreter(int batch) {
        Mlp a = new Mlp(DType.F32, 1), b = new Mlp(DType.F32, 1), c = new Mlp(DType.F32, 3);
        checkBothPlacements(a, lossAndGradients(a), batch);
        checkBothPlacements(b, doubleBackprop(b), batch);
        checkBothPlacements(c, divergence(c), batch);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F32", "F64"})
    void bakedAndFedWeightsGiveIdenticalOutputs(DType f) {
        Mlp net = new Mlp(f, 1);
        Map<String, Node> outputs = doubleBackprop(net);
        Map<String, Tensor> weights = net.weights(3);
        Map<String, Tensor> feeds = OrtAgreement.randomFeeds(outputs, weights, 5, new Random(11));
        GraphExporter.Options baked = GraphExporter.Options.named("g").withWeights(weights, WeightPlacement.INITIALIZER);
        GraphExporter.Options fed = GraphExporter.Options.named("g").withWeights(weights, WeightPlacement.GRAPH_INPUT);
        List<Tensor> a = OrtRunner.run(GraphExporter.toBytes(outputs, baked), feeds);
        List<Tensor> b = OrtRunner.run(GraphExporter.toBytes(outputs, fed), feeds);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i).data(), b.get(i).data(), 0.0, "output " + i);
    }
}
