package io.pitaj.models.train;

import static io.pitaj.models.train.TrainingGraphNames.*;

import io.pitaj.models.graph.Tensor;
import io.pitaj.models.nn.Parameter;
import io.pitaj.models.nn.ParameterSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The reference training loop: each {@link #step} feeds the whole state and a batch to a training-step graph
 * (built with the EMA) and copies the updated parameters, moments and EMA back into Java. Runs behind any
 * {@link StepExecutor} (the interpreter, an ORT session), so the carried {@link Trainer} can be checked against it.
 */
final class ReferenceLoop {
    /** What one update reports: its 1-based index, the loss before it and the gradient norm before clipping. */
    record StepResult(long step, double loss, double gradNorm) {}

    private final StepExecutor trainingStep;
    private final TrainingState state;
    private final double learningRate;

    ReferenceLoop(StepExecutor trainingStep, TrainingState state, double learningRate) {
        this.trainingStep = trainingStep;
        this.state = state;
        this.learningRate = learningRate;
    }

    /** The live state (mutated by every step). */
    TrainingState state() { return state; }

    /** One optimiser and EMA update on a batch, keyed by data name without the {@code data/} prefix. */
    StepResult step(Map<String, Tensor> batch) {
        long t = state.step() + 1;
        Map<String, Tensor> in = stepInputs(state, learningRate, batch);
        bind(in, EMA, state.ema());
        Map<String, Tensor> out = trainingStep.run(in);
        copyBack(out, NEW_PARAM, state.params());
        copyBack(out, NEW_ADAM_M, state.adamM());
        copyBack(out, NEW_ADAM_V, state.adamV());
        copyBack(out, NEW_EMA, state.ema());
        state.advance();
        return new StepResult(t, out.get(LOSS).item(), out.get(GRAD_NORM).item());
    }

    /**
     * The inputs of a training-step graph for the next update from {@code state}: parameters, moments, step
     * (state.step() + 1), learning rate and the batch under {@code data/} names. The tensors share the state's arrays.
     */
    static Map<String, Tensor> stepInputs(TrainingState state, double learningRate, Map<String, Tensor> batch) {
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
