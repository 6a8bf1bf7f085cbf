package io.pitaj.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.GraphExporter;
import io.pitaj.models.graph.Interpreter;
import io.pitaj.models.graph.NamedGraph;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.nn.Mlp;
import io.pitaj.models.nn.ParameterSet;
import io.pitaj.models.runtime.OrtRuntime;
import io.pitaj.models.runtime.SessionSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * End to end: a small MLP trained by the training-step graph learns sin(x₁) + x₂² on [−1, 1]², driven by the same
 * Java loop on the interpreter and on ONNX Runtime in float64 and float32; the float32 and float64 runs agree.
 */
class MlpFitTest {
    private static final int BATCH = 32;
    private static final int STEPS = 300;
    private static final double LEARNING_RATE = 1e-2;

    /** Where the step and EMA graphs run. */
    enum Backend {
        INTERPRETER_F64(DType.F64, InterpreterExecutor::new),
        ORT_F64(DType.F64, MlpFitTest::ort),
        ORT_F32(DType.F32, MlpFitTest::ort);

        final DType dtype;
        final Function<NamedGraph, StepExecutor> executor;

        Backend(DType dtype, Function<NamedGraph, StepExecutor> executor) {
            this.dtype = dtype;
            this.executor = executor;
        }
    }

    private final ParameterSet init = new ParameterSet();
    private final Mlp mlp = new Mlp(init, "f", 2, 16, 2, 1, Mlp.Activation.TANH, new SplittableRandom(42));

    @ParameterizedTest
    @EnumSource(Backend.class)
    void trainingStepGraphFitsASmoothFunction(Backend backend) {
        Tensor evalX = points(256, new SplittableRandom(1));
        double before = evaluate(init, evalX);
        ReferenceLoop trainer = train(backend, STEPS);
        double after = evaluate(trainer.state().params(), evalX);
        double ema = evaluate(trainer.state().ema(), evalX);
        // Var(sin x₁ + x₂²) ≈ 0.36 is what a constant predictor scores. With seeds 1–4 and 42, initial losses were
        // 0.37–0.77 and trained ones 1.0e-3–3.4e-3 (EMA alike): the thresholds leave a factor ≥ 3 either way.
        assertTrue(before > 0.1, "random initialisation should not fit: " + before);
        assertTrue(after < 0.01, backend + " trained loss " + after);
        assertTrue(ema < 0.01, backend + " EMA loss " + ema);
    }

    /**
     * Float32 training follows the float64 trajectory: after 20 Adam steps every parameter agrees to 1e-4 (observed
     * differences are ~1e-6: float32 rounding, a little amplified by Adam's normalisation), and so does the loss.
     */
    @Test
    void float32AndFloat64TrainingAgree() {
        ReferenceLoop f64 = train(Backend.ORT_F64, 20), f32 = train(Backend.ORT_F32, 20);
        double[] p64 = f64.state().params().toFlat(), p32 = f32.state().params().toFlat();
        for (int i = 0; i < p64.length; i++) assertEquals(p64[i], p32[i], 1e-4, "parameter " + i);
        Tensor evalX = points(256, new SplittableRandom(1));
        assertEquals(evaluate(f64.state().params(), evalX), evaluate(f32.state().params(), evalX), 1e-4);
    }

    private ReferenceLoop train(Backend backend, int steps) {
        LossFunction mse = (p, data) -> Losses.meanSquaredError(
                mlp.apply(p, data.input("x", Shape.BATCH, 2)), data.input("y", Shape.BATCH, 1));
        ReferenceLoop trainer = new ReferenceLoop(
                backend.executor.apply(TrainingStepGraph.build(init, backend.dtype, AdamConfig.PITA, mse, true)),
                TrainingState.initial(init.copy()), LEARNING_RATE);
        SplittableRandom rng = new SplittableRandom(7);
        for (int s = 0; s < steps; s++) {
            Tensor x = points(BATCH, rng);
            trainer.step(Map.of("x", x, "y", target(x)));
        }
        return trainer;
    }

    private static StepExecutor ort(NamedGraph graph) {
        OrtStepExecutor executor = new OrtStepExecutor(OrtRuntime.shared().open(
                GraphExporter.export(graph, GraphExporter.Options.named("fit")), SessionSettings.cpu(1)));
        OPENED.add(executor);
        return executor;
    }

    /** ORT executors opened by a test, closed after it. */
    private static final List<OrtStepExecutor> OPENED = new ArrayList<>();

    @AfterEach
    void closeSessions() {
        OPENED.forEach(OrtStepExecutor::close);
        OPENED.clear();
    }

    /** Held-out mean squared error with the parameters baked in as constants (the inference binding). */
    private double evaluate(ParameterSet params, Tensor x) {
        Graph g = new Graph();
        Node prediction = mlp.apply(params.bindAsConstants(g, DType.F64), g.input("x", DType.F64, Shape.BATCH, 2));
        Node loss = Losses.meanSquaredError(prediction, g.input("y", DType.F64, Shape.BATCH, 1));
        return Interpreter.run(List.of(loss), Map.of("x", x, "y", target(x))).get(0).item();
    }

    private static Tensor points(int n, SplittableRandom rng) {
        Tensor x = Tensor.zeros(n, 2);
        for (int i = 0; i < x.size(); i++) x.data()[i] = rng.nextDouble(-1, 1);
        return x;
    }

    private static Tensor target(Tensor x) {
        int n = x.dim(0);
        Tensor y = Tensor.zeros(n, 1);
        for (int i = 0; i < n; i++) y.data()[i] = Math.sin(x.data()[2 * i]) + x.data()[2 * i + 1] * x.data()[2 * i + 1];
        return y;
    }
}
