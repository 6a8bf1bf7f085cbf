package io.pitaj.models.bench;

import io.pitaj.models.graph.Autodiff;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.GraphExporter;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.nn.Mlp;
import io.pitaj.models.nn.ParameterSet;
import io.pitaj.models.onnx.HostTensor;
import io.pitaj.models.runtime.ExecutionProvider;
import io.pitaj.models.runtime.GraphTensors;
import io.pitaj.models.runtime.InferenceSession;
import io.pitaj.models.runtime.OrtRuntime;
import io.pitaj.models.runtime.SessionRunner;
import io.pitaj.models.runtime.SessionSettings;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * What the Jacobian trace of a score network costs, the quantity each Feynman–Kac SMC step needs per particle: an
 * MLP vector field f: ℝ^dim → ℝ^dim (weights baked in, as in an inference file) evaluated by ONNX Runtime as a plain
 * forward pass, with its exact divergence ({@link Autodiff#divergence}: one vector-Jacobian product per coordinate),
 * and with Hutchinson's estimate from {@code probes} Rademacher probes.
 */
public final class DivergenceBenchmark {
    /**
     * Median milliseconds per call for the whole batch.
     *
     * @param exactNodes nodes of the exported exact-divergence graph
     */
    public record Result(double forwardMs, double exactMs, double hutchinsonMs, int exactNodes, ExecutionProvider provider) {}

    private final MlpBenchmarkSetup setup;
    private final int probes;
    private final ParameterSet params = new ParameterSet();
    private final Mlp mlp;
    private final Tensor x;
    private final Tensor[] probeValues;

    public DivergenceBenchmark(MlpBenchmarkSetup setup, int probes) {
        if (probes < 1) throw new IllegalArgumentException("Hutchinson needs at least one probe, got " + probes);
        this.setup = setup;
        this.probes = probes;
        SplittableRandom rng = new SplittableRandom(setup.seed());
        this.mlp = setup.mlp(params, setup.dim(), rng);
        this.x = setup.gaussianBatch(rng);
        this.probeValues = new Tensor[probes];
        for (int k = 0; k < probes; k++) {
            Tensor v = Tensor.zeros(setup.batch(), setup.dim());
            for (int i = 0; i < v.size(); i++) v.data()[i] = rng.nextBoolean() ? 1 : -1;
            probeValues[k] = v;
        }
    }

    public int parameterCount() { return params.count(); }

    /**
     * Times the three graphs, each {@code warmup} untimed and {@code reps} timed calls; {@code stage} hears the name
     * of each graph before it is timed.
     */
    public Result run(SessionSettings settings, int warmup, int reps, Consumer<String> stage) {
        Timed forward = time("forward", (f, in, feed) -> f, settings, warmup, reps, stage);
        Timed exact = time("exact_divergence", (f, in, feed) -> Autodiff.divergence(f, in, 1), settings, warmup, reps, stage);
        Timed hutchinson = time("hutchinson", (f, in, feed) -> {
            Node sum = null;
            for (int k = 0; k < probes; k++) {
                String name = "probe" + k;
                feed.put(name, probeValues[k]);
                Node term = Autodiff.hutchinson(f, in, in.graph().input(name, setup.dtype(), Shape.BATCH, setup.dim()));
                sum = sum == null ? term : sum.add(term);
            }
            return sum.div(probes);
        }, settings, warmup, reps, stage);
        return new Result(forward.ms, exact.ms, hutchinson.ms, exact.nodes, exact.provider);
    }

    /** Builds the timed quantity from the network output f and its input x, adding values for any inputs it declares. */
    private interface Quantity {
        Node of(Node f, Node x, Map<String, Tensor> extraInputs);
    }

    private record Timed(double ms, int nodes, ExecutionProvider provider) {}

    private Timed time(String name, Quantity quantity, SessionSettings settings, int warmup, int reps, Consumer<String> stage) {
        stage.accept(name);
        Graph g = new Graph();
        Node in = g.input("x", setup.dtype(), Shape.BATCH, setup.dim());
        Node f = mlp.apply(params.bindAsConstants(g, setup.dtype()), in);
        Map<String, Tensor> inputs = new HashMap<>(Map.of("x", x));
        Map<String, Node> out = new LinkedHashMap<>();
        out.put(name, quantity.of(f, in, inputs));
        var model = GraphExporter.export(out, GraphExporter.Options.named(name));
        Map<String, HostTensor> feed = new HashMap<>();
        inputs.forEach((k, v) -> feed.put(k, GraphTensors.toHost(v, setup.dtype().onnx())));
        try (InferenceSession session = OrtRuntime.shared().open(model, settings); SessionRunner runner = session.newRunner()) {
            double ms = Timing.medianMillis(warmup, reps, i -> runner.run(feed), i -> { });
            return new Timed(ms, model.getGraph().getNodeCount(), session.provider());
        }
    }
}
