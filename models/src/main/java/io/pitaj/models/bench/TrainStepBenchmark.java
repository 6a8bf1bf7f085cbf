package io.pitaj.models.bench;

import io.pitaj.models.graph.NamedGraph;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.nn.Mlp;
import io.pitaj.models.nn.ParameterSet;
import io.pitaj.models.onnx.HostTensor;
import io.pitaj.models.runtime.ExecutionProvider;
import io.pitaj.models.runtime.GraphTensors;
import io.pitaj.models.runtime.SessionSettings;
import io.pitaj.models.train.AdamConfig;
import io.pitaj.models.train.Losses;
import io.pitaj.models.train.Trainer;
import io.pitaj.models.train.TrainingState;
import io.pitaj.models.train.TrainingStepGraph;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Times one training step of an MLP executed by ONNX Runtime: forward, backward, global-norm clipping and Adam,
 * as one exported graph whose parameters and Adam moments stay in ORT's buffers from step to step. Plain step: mean squared error of MLP(x) ∈ ℝ^dim to a
 * fixed target. Double-backprop step: U(x) = MLP(x) ∈ ℝ, loss mean_b ‖x_b − h∇ₓU(x_b)‖², differentiated with
 * respect to the weights (second order). {@code bench/pytorch_train_step.py} is the same step in PyTorch.
 */
public final class TrainStepBenchmark {
    /** h of the double-backprop loss, as in the PyTorch twin. */
    private static final double H = 0.1;

    /**
     * @param msPerStep   median wall time of one step after warm-up, milliseconds
     * @param parameters  number of trained parameters
     * @param onnxNodes   nodes of the exported step graph
     * @param provider    execution provider the session actually used
     * @param firstLoss   loss before the first update
     * @param finalLoss   loss before the last timed update (with firstLoss, a check that training moves)
     */
    public record Result(double msPerStep, int parameters, int onnxNodes, ExecutionProvider provider, double firstLoss, double finalLoss) {}

    private final MlpBenchmarkSetup setup;
    private final ParameterSet params = new ParameterSet();
    private final NamedGraph stepGraph;
    private final Map<String, Tensor> batch;

    /** @param doubleBackprop time the second-order loss instead of the mean squared error */
    public TrainStepBenchmark(MlpBenchmarkSetup setup, boolean doubleBackprop) {
        this.setup = setup;
        SplittableRandom rng = new SplittableRandom(setup.seed());
        Mlp mlp = setup.mlp(params, doubleBackprop ? 1 : setup.dim(), rng);
        this.stepGraph = TrainingStepGraph.build(params, setup.dtype(), AdamConfig.PITA, (p, data) -> {
            Node x = data.input("x", Shape.BATCH, setup.dim());
            if (doubleBackprop) return Losses.gradientStepSquaredNorm(mlp.apply(p, x), x, H);
            return Losses.meanSquaredError(mlp.apply(p, x), data.input("target", Shape.BATCH, setup.dim()));
        }, false);
        this.batch = doubleBackprop
                ? Map.of("x", setup.gaussianBatch(rng))
                : Map.of("x", setup.gaussianBatch(rng), "target", setup.gaussianBatch(rng));
    }

    public int parameterCount() { return params.count(); }

    /**
     * Runs {@code warmup} untimed and {@code steps} timed steps; {@code progress} hears each timed step's index.
     * Parameters and Adam moments stay in ONNX Runtime's buffers from step to step ({@link Trainer}), as in
     * training: a step moves only the batch in and the loss out.
     */
    public Result run(SessionSettings settings, int warmup, int steps, IntConsumer progress) {
        try (Trainer trainer = new Trainer(stepGraph, params, settings)) {
            trainer.load(TrainingState.initial(params));
            io.pitaj.models.onnx.ElementType type = setup.dtype().onnx();
            Map<String, HostTensor> feed = new HashMap<>();
            batch.forEach((name, value) -> feed.put(name, GraphTensors.toHost(value, type)));
            double[] losses = new double[warmup + steps];
            double ms = Timing.medianMillis(warmup, steps, i -> losses[i] = trainer.step(AdamConfig.PITA_LEARNING_RATE, feed).loss(),
                    progress);
            return new Result(ms, params.count(), trainer.onnxNodes(), trainer.provider(), losses[0], losses[losses.length - 1]);
        }
    }
}
