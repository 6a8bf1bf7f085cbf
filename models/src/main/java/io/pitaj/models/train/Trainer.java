package io.pitaj.models.train;

import static io.pitaj.models.train.TrainingGraphNames.*;

import io.pitaj.models.graph.GraphExporter;
import io.pitaj.models.graph.NamedGraph;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.nn.Parameter;
import io.pitaj.models.nn.ParameterSet;
import io.pitaj.models.onnx.ElementType;
import io.pitaj.models.onnx.HostTensor;
import io.pitaj.models.runtime.CarriedStateRunner;
import io.pitaj.models.runtime.ExecutionProvider;
import io.pitaj.models.runtime.GraphTensors;
import io.pitaj.models.runtime.InferenceSession;
import io.pitaj.models.runtime.OrtRuntime;
import io.pitaj.models.runtime.SessionSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains with a {@link TrainingStepGraph} (EMA folded in) in ONNX Runtime while the whole optimiser state —
 * parameters, Adam moments, EMA — stays in the session's native buffers ({@link CarriedStateRunner}): a step
 * copies in only its batch, step index and learning rate, and copies out only the loss, its terms and the gradient
 * norm. The state crosses into Java only through {@link #load} and {@link #state}, i.e. for checkpoints and export.
 *
 * <p>On CUDA the Java API has no IO binding, so ORT moves the carried state between host and device on every
 * run; docs/training.md states that cost. Not thread-safe.
 */
public final class Trainer implements AutoCloseable {
    /**
     * What one update reports, all at the parameters before it.
     *
     * @param step     1-based index of the update
     * @param loss     the weighted total
     * @param gradNorm the global gradient norm before clipping
     * @param terms    the loss's reported terms (unweighted), by name
     */
    public record StepResult(long step, double loss, double gradNorm, Map<String, Double> terms) {}

    private final ParameterSet layout;
    private final boolean withEma;
    private final ElementType type;
    private final int onnxNodes;
    private final InferenceSession session;
    private final CarriedStateRunner runner;
    private final List<String> readOuts = new ArrayList<>();
    private final List<String> termNames = new ArrayList<>();
    private final Map<String, HostTensor> feed = new HashMap<>();
    private long step = -1;

    /**
     * Exports {@code stepGraph} (built for {@code layout}, with or without the EMA) and opens it with
     * {@code settings}. The state must be {@link #load}ed before the first step.
     */
    public Trainer(NamedGraph stepGraph, ParameterSet layout, SessionSettings settings) {
        this.layout = layout;
        this.withEma = stepGraph.outputs().containsKey(NEW_EMA + layout.names().get(0));
        var model = GraphExporter.export(stepGraph, GraphExporter.Options.named("train_step"));
        this.onnxNodes = model.getGraph().getNodeCount();
        this.session = OrtRuntime.shared().open(model, settings);
        try {
            this.type = session.input(PARAM + layout.names().get(0)).dtype();
            this.runner = session.newCarriedStateRunner(carried(layout, withEma));
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        readOuts.add(LOSS);
        readOuts.add(GRAD_NORM);
        for (String out : stepGraph.outputNames()) {
            if (out.startsWith(TERM)) {
                readOuts.add(out);
                termNames.add(out.substring(TERM.length()));
            }
        }
    }

    /** Each updated parameter, moment (and EMA) feeds the next step's input of the same name. */
    private static Map<String, String> carried(ParameterSet layout, boolean withEma) {
        Map<String, String> carried = new LinkedHashMap<>();
        for (String name : layout.names()) {
            carried.put(NEW_PARAM + name, PARAM + name);
            carried.put(NEW_ADAM_M + name, ADAM_M + name);
            carried.put(NEW_ADAM_V + name, ADAM_V + name);
            if (withEma) carried.put(NEW_EMA + name, EMA + name);
        }
        return carried;
    }

    public ExecutionProvider provider() { return session.provider(); }

    /** Nodes of the exported step graph. */
    public int onnxNodes() { return onnxNodes; }

    /** Copies {@code state} into the session; the next step is update state.step() + 1. */
    public void load(TrainingState state) {
        if (!state.params().sameLayout(layout)) throw new IllegalArgumentException("state does not match the step graph's parameters");
        put(PARAM, state.params());
        put(ADAM_M, state.adamM());
        put(ADAM_V, state.adamV());
        if (withEma) put(EMA, state.ema());
        step = state.step();
    }

    private void put(String prefix, ParameterSet set) {
        for (Parameter p : set.parameters()) runner.setState(prefix + p.name(), GraphTensors.toHost(p.tensor(), type));
    }

    /** Number of updates taken (the loaded state's count plus the steps since). */
    public long step() {
        requireLoaded();
        return step;
    }

    /** One update on {@code batch} (keyed by data name without the {@code data/} prefix) at learning rate {@code lr}. */
    public StepResult step(double lr, Map<String, HostTensor> batch) {
        requireLoaded();
        long t = step + 1;
        feed.clear();
        batch.forEach((name, value) -> feed.put(DATA + name, value));
        feed.put(STEP, GraphTensors.toHost(Tensor.scalar(t), type));
        feed.put(LEARNING_RATE, GraphTensors.toHost(Tensor.scalar(lr), type));
        Map<String, HostTensor> out = runner.run(feed, readOuts);
        step = t;
        Map<String, Double> terms = new LinkedHashMap<>();
        for (String name : termNames) terms.put(name, scalar(out.get(TERM + name)));
        return new StepResult(t, scalar(out.get(LOSS)), scalar(out.get(GRAD_NORM)), terms);
    }

    private static double scalar(HostTensor t) { return GraphTensors.fromHost(t).item(); }

    /**
     * The current state copied out of the session (float32 values widened exactly to double); without an EMA in the
     * graph the state's EMA is a copy of the parameters.
     */
    public TrainingState state() {
        requireLoaded();
        ParameterSet params = read(PARAM);
        return new TrainingState(params, withEma ? read(EMA) : params.copy(), read(ADAM_M), read(ADAM_V), step);
    }

    private ParameterSet read(String prefix) {
        ParameterSet set = new ParameterSet();
        for (Parameter p : layout.parameters()) set.add(p.name(), p.shape(), GraphTensors.fromHost(runner.state(prefix + p.name())).data());
        return set;
    }

    private void requireLoaded() {
        if (step < 0) throw new IllegalStateException("load a training state before stepping");
    }

    @Override
    public void close() {
        runner.close();
        session.close();
    }
}
