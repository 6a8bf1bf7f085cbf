package io.pitaj.models.train;

import static io.pitaj.models.train.TrainingGraphNames.*;

import io.pitaj.models.graph.Tensor;
import io.pitaj.models.nn.Parameter;
import io.pitaj.models.nn.ParameterSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Drives training from Java: each {@link #step} feeds the current state and a batch to a training-step graph,
 * writes its updated parameters and moments back into the state, then runs the EMA graph. The graphs run behind
 * {@link StepExecutor}s, so the same loop works with the interpreter and with ONNX Runtime.
 */
public final class Trainer {
    /** What one update reports: its 1-based index, the loss before it and the gradient norm before clipping. */
    public record StepResult(long step, double loss, double gradNorm) {}

    private final StepExecutor trainingStep;
    private final StepExecutor emaUpdate;
    private final TrainingState state;
    private final double learningRate;

    /**
     * @param trainingStep runs a {@link TrainingStepGraph} built for the state's parameter layout
     * @param emaUpdate runs an {@link EmaUpdateGraph} for the same layout
     */
    public Trainer(StepExecutor trainingStep, StepExecutor emaUpdate, TrainingState state, double learningRate) {
        this.trainingStep = trainingStep;
        this.emaUpdate = emaUpdate;
        this.state = state;
        this.learningRate = learningRate;
    }

    /** The live state (mutated by every step). */
    public TrainingState state() { return state; }

    /** One optimiser update and EMA update on a batch, keyed by data name without the {@code data/} prefix. */
    public StepResult step(Map<String, Tensor> batch) {
        long t = state.step() + 1;
        Map<String, Tensor> out = trainingStep.run(stepInputs(state, learningRate, batch));
        copyBack(out, NEW_PARAM, state.params());
        copyBack(out, NEW_ADAM_M, state.adamM());
        copyBack(out, NEW_ADAM_V, state.adamV());
        state.advance();

        Map<String, Tensor> emaIn = new HashMap<>();
        bind(emaIn, EMA, state.ema());
        bind(emaIn, PARAM, state.params());
        emaIn.put(EMA_DECAY, Tensor.scalar(EmaUpdateGraph.decay(t)));
        copyBack(emaUpdate.run(emaIn), NEW_EMA, state.ema());
        return new StepResult(t, out.get(LOSS).item(), out.get(GRAD_NORM).item());
    }

    /**
     * The inputs of a training-step graph for the next update from {@code state}: parameters, moments, step
     * (state.step() + 1), learning rate and the batch under {@code data/} names. The tensors share the state's arrays.
     */
    public static Map<String, Tensor> stepInputs(TrainingState state, double learningRate, Map<String, Tensor> batch) {
        Map<String, Tensor> in = new HashMap<>();
        bind(in, PARAM, state.params());
        bind(in, ADAM_M, state.adamM());
        bind(in, ADAM_V, state.adamV());
        in.put(STEP, Tensor.scalar(state.step() + 1));
        in.put(LEARNING_RATE, Tensor.scalar(learningRate));
        batch.forEach((name, value) -> in.put(DATA + name, value));
        return in;
    }

    private static void bind(Map<String, Tensor> in, String prefix, ParameterSet set) {
        for (Parameter p : set.parameters()) in.put(prefix + p.name(), p.tensor());
    }

    private static void copyBack(Map<String, Tensor> out, String prefix, ParameterSet set) {
        for (Parameter p : set.parameters()) {
            Tensor t = out.get(prefix + p.name());
            if (t == null) throw new IllegalStateException("the graph produced no output '" + prefix + p.name() + "'");
            if (t.size() != p.size()) {
                throw new IllegalStateException("output '" + prefix + p.name() + "' has " + t.size() + " values, expected " + p.size());
            }
            System.arraycopy(t.data(), 0, p.values(), 0, p.size());
        }
    }
}
