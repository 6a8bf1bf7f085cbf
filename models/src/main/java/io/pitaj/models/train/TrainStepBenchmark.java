package io.pitaj.models.train;

import io.pitaj.models.graph.NamedGraph;
import static io.pitaj.models.train.TrainingGraphNames.*;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.GraphExporter;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.metrics.Statistics;
import io.pitaj.models.nn.Mlp;
import io.pitaj.models.nn.ParameterSet;
import io.pitaj.models.nn.Parameter;
import io.pitaj.models.onnx.HostTensor;
import io.pitaj.models.runtime.CarriedStateRunner;
import io.pitaj.models.runtime.ExecutionProvider;
import io.pitaj.models.runtime.GraphTensors;
import io.pitaj.models.runtime.InferenceSession;
import io.pitaj.models.runtime.OrtRuntime;
import io.pitaj.models.runtime.SessionSettings;
import io.pitaj.models.targets.StandardNormal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Times one training step of an MLP executed by ONNX Runtime: forward, backward, global-norm clipping and Adam,
 * as one exported graph, driven by the same Java loop real training uses. The network is an MLP with
 * {@code layers} hidden SiLU layers of width {@code hidden}. Plain step: mean squared error of MLP(x) ∈ ℝ^dim to a
 * fixed target. Double-backprop step: U(x) = MLP(x) ∈ ℝ, loss mean_b ‖x_b − h∇ₓU(x_b)‖², differentiated with
 * respect to the weights (second order). {@code bench/pytorch_train_step.py} is the same step in PyTorch.
 */
public final class TrainStepBenchmark {
    /** h of the double-backprop loss, as in the PyTorch twin. */
    private static final double H = 0.1;

    public record Config(int dim, int hidden, int layers, int batch, boolean doubleBackprop, DType dtype, long seed) {
        public Config {
            if (dim < 1 || hidden < 1 || layers < 1 || batch < 1) {
                throw new IllegalArgumentException("dim, hidden, layers and batch must be at least 1");
            }
            if (!dtype.isFloat()) throw new IllegalArgumentException("training runs in f32 or f64, not " + dtype);
        }
    }

    /**
     * @param msPerStep   median wall time of one step after warm-up, milliseconds
     * @param parameters  number of trained parameters
     * @param onnxNodes   nodes of the exported step graph
     * @param provider    execution provider the session actually used
     * @param firstLoss   loss before the first update
     * @param finalLoss   loss before the last timed update (with firstLoss, a check that training moves)
     */
    public record Result(double msPerStep, int parameters, int onnxNodes, ExecutionProvider provider, double firstLoss, double finalLoss) {}

    private final Config config;
    private final ParameterSet params = new ParameterSet();
    private final NamedGraph stepGraph;
    private final Map<String, Tensor> batch;

    public TrainStepBenchmark(Config config) {
        this.config = config;
        SplittableRandom rng = new SplittableRandom(config.seed());
        int out = config.doubleBackprop() ? 1 : config.dim();
        Mlp mlp = new Mlp(params, "mlp", config.dim(), config.hidden(), config.layers(), out, Mlp.Activation.SILU, rng);
        this.stepGraph = TrainingStepGraph.build(params, config.dtype(), AdamConfig.PITA, (p, data) -> {
            Node x = data.input("x", Shape.BATCH, config.dim());
            if (config.doubleBackprop()) return Losses.gradientStepSquaredNorm(mlp.apply(p, x), x, H);
            return Losses.meanSquaredError(mlp.apply(p, x), data.input("target", Shape.BATCH, config.dim()));
        });
        this.batch = config.doubleBackprop()
                ? Map.of("x", gaussian(rng, config.batch(), config.dim()))
                : Map.of("x", gaussian(rng, config.batch(), config.dim()), "target", gaussian(rng, config.batch(), config.dim()));
    }

    public int parameterCount() { return params.count(); }

    /**
     * Runs {@code warmup} untimed and {@code steps} timed steps; {@code progress} hears each timed step's index.
     * Parameters and Adam moments stay in ONNX Runtime's buffers from step to step ({@link CarriedStateRunner}),
     * as in training: a step moves only the batch in and the loss out.
     */
    public Result run(SessionSettings settings, int warmup, int steps, IntConsumer progress) {
        if (steps < 1 || warmup < 0) throw new IllegalArgumentException("need at least one timed step and a non-negative warm-up");
        var model = GraphExporter.export(stepGraph, GraphExporter.Options.named("train_step"));
        try (InferenceSession session = OrtRuntime.shared().open(model, settings);
             CarriedStateRunner runner = session.newCarriedStateRunner(carriedState())) {
            io.pitaj.models.onnx.DType type = config.dtype().onnx();
            for (Parameter p : params.parameters()) {
                runner.setState(PARAM + p.name(), GraphTensors.toHost(p.tensor(), type));
                Tensor zeros = Tensor.zeros(p.tensor().shape());
                runner.setState(ADAM_M + p.name(), GraphTensors.toHost(zeros, type));
                runner.setState(ADAM_V + p.name(), GraphTensors.toHost(zeros, type));
            }
            Map<String, HostTensor> feed = new HashMap<>();
            batch.forEach((name, value) -> feed.put(DATA + name, GraphTensors.toHost(value, type)));
            feed.put(LEARNING_RATE, GraphTensors.toHost(Tensor.scalar(AdamConfig.PITA_LEARNING_RATE), type));
            double firstLoss = Double.NaN, loss = Double.NaN;
            double[] millis = new double[steps];
            for (int i = 0; i < warmup + steps; i++) {
                long t0 = System.nanoTime();
                feed.put(STEP, GraphTensors.toHost(Tensor.scalar(i + 1), type));
                loss = GraphTensors.fromHost(runner.run(feed, List.of(LOSS)).get(LOSS)).item();
                long t1 = System.nanoTime();
                if (i == 0) firstLoss = loss;
                if (i >= warmup) {
                    millis[i - warmup] = (t1 - t0) * 1e-6;
                    progress.accept(i - warmup + 1);
                }
            }
            return new Result(Statistics.median(millis), params.count(), model.getGraph().getNodeCount(), session.provider(), firstLoss, loss);
        }
    }

    /** Each updated parameter and moment feeds the next step's input of the same name. */
    private Map<String, String> carriedState() {
        Map<String, String> carried = new LinkedHashMap<>();
        for (String name : params.names()) {
            carried.put(NEW_PARAM + name, PARAM + name);
            carried.put(NEW_ADAM_M + name, ADAM_M + name);
            carried.put(NEW_ADAM_V + name, ADAM_V + name);
        }
        return carried;
    }

    private static Tensor gaussian(SplittableRandom rng, int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) v[i] = StandardNormal.draw(rng);
        return new Tensor(new int[] {rows, cols}, v);
    }
}
