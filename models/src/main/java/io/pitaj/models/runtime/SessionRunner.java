package io.pitaj.models.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.pitaj.models.onnx.HostTensor;
import io.pitaj.models.onnx.ValueSpec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one {@link InferenceSession} repeatedly from one thread, keeping its input and output buffers between runs.
 *
 * <p>Inputs are copied once from the caller's arrays into direct buffers owned by this runner, which ORT reads in
 * place; outputs whose shape is known before the run (all dimensions fixed or bound by an input, e.g. "batch") are
 * pinned: ORT writes them into direct buffers owned by this runner. So a run with the same shapes as the previous one
 * allocates nothing but the returned heap arrays. Outputs of unknowable shape are allocated by ORT and copied once.
 *
 * <p>Not thread-safe: the buffers are shared between runs. Use one runner per thread (runners are cheap; the
 * underlying session is shared and safe for concurrent runs). A pinned output's declared shape must be exact; a
 * graph that produces another shape fails the run instead of silently reshaping.
 */
public final class SessionRunner implements AutoCloseable {
    private final InferenceSession owner;
    private final OrtSession session;
    private final OrtEnvironment env;
    private final Map<String, ReusableTensor> inputBuffers = new HashMap<>();
    private final Map<String, ReusableTensor> outputBuffers = new HashMap<>();
    private boolean closed;

    SessionRunner(InferenceSession owner, OrtSession session, OrtEnvironment env) {
        this.owner = owner;
        this.session = session;
        this.env = env;
    }

    /** Runs the graph and returns every output, in the session's output order. */
    public Map<String, HostTensor> run(Map<String, HostTensor> inputs) {
        return run(inputs, owner.outputs().stream().map(ValueSpec::name).toList());
    }

    /** Runs the graph and returns the named outputs, in the order given; ORT skips work only they don't need. */
    public Map<String, HostTensor> run(Map<String, HostTensor> inputs, Collection<String> outputNames) {
        if (closed) {
            throw new IllegalStateException("runner is closed");
        }
        owner.checkOpen();
        List<String> wanted = checkedOutputNames(outputNames);
        DimBindings bindings = bindInputs(inputs);
        try {
            Map<String, OnnxTensor> feed = new HashMap<>();
            for (Map.Entry<String, HostTensor> e : inputs.entrySet()) {
                ReusableTensor slot = inputBuffers.computeIfAbsent(e.getKey(),
                        k -> new ReusableTensor(env, owner.input(k).dtype()));
                feed.put(e.getKey(), slot.tensorOfShape(e.getValue().shape()));
                slot.write(e.getValue());
            }
            Map<String, OnnxValue> pinned = new LinkedHashMap<>();
            Set<String> allocatedByOrt = new LinkedHashSet<>();
            for (String name : wanted) {
                ValueSpec spec = owner.output(name);
                Optional<long[]> shape = bindings.resolve(spec.shape());
                if (shape.isPresent()) {
                    ReusableTensor slot = outputBuffers.computeIfAbsent(name,
                            k -> new ReusableTensor(env, spec.dtype()));
                    pinned.put(name, slot.tensorOfShape(shape.get()));
                } else {
                    allocatedByOrt.add(name);
                }
            }
            Map<String, HostTensor> results = new LinkedHashMap<>();
            try (OrtSession.Result result = session.run(feed, allocatedByOrt, pinned)) {
                for (String name : wanted) {
                    if (pinned.containsKey(name)) {
                        results.put(name, outputBuffers.get(name).read());
                    } else {
                        OnnxTensor t = (OnnxTensor) result.get(name).orElseThrow();
                        results.put(name, OrtTypes.copyToHost(name, t));
                    }
                }
            }
            return results;
        } catch (OrtException e) {
            throw new InferenceException("running the model failed: " + e.getMessage(), e);
        }
    }

    private List<String> checkedOutputNames(Collection<String> outputNames) {
        if (outputNames.isEmpty()) {
            throw new IllegalArgumentException("request at least one output; the model has " + owner.outputNames());
        }
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(outputNames));
        for (String name : wanted) {
            if (!owner.outputNames().contains(name)) {
                throw new IllegalArgumentException("unknown output '" + name + "'; the model has " + owner.outputNames());
            }
        }
        return wanted;
    }

    private DimBindings bindInputs(Map<String, HostTensor> inputs) {
        for (String name : inputs.keySet()) {
            if (!owner.inputNames().contains(name)) {
                throw new IllegalArgumentException("unknown input '" + name + "'; the model has " + owner.inputNames());
            }
        }
        List<String> missing = owner.inputNames().stream().filter(n -> !inputs.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("missing input(s) " + missing + "; the model needs " + owner.inputNames());
        }
        DimBindings bindings = new DimBindings();
        for (ValueSpec spec : owner.inputs()) {
            HostTensor value = inputs.get(spec.name());
            if (value == null) {
                throw new IllegalArgumentException("input '" + spec.name() + "' is null");
            }
            if (value.dtype() != spec.dtype()) {
                throw new IllegalArgumentException("input '" + spec.name() + "' is " + value.dtype().name().toLowerCase()
                        + " but the model declares " + spec.dtype().name().toLowerCase());
            }
            bindings.bind(spec.name(), spec.shape(), value.shape());
        }
        return bindings;
    }

    /** Releases the kept ORT tensors; the direct buffers go with the garbage collector. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        inputBuffers.values().forEach(ReusableTensor::close);
        outputBuffers.values().forEach(ReusableTensor::close);
        inputBuffers.clear();
        outputBuffers.clear();
        owner.forget(this);
    }
}
