package io.pitaj.models.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.pitaj.models.onnx.Dim;
import io.pitaj.models.onnx.HostTensor;
import io.pitaj.models.onnx.ValueSpec;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Runs a session step after step while its state stays in native memory: each carried output of one run is the
 * matching input of the next (a training step's new parameters and Adam moments are its next parameters and
 * moments). Every state value has two direct buffers that swap roles each run: ORT reads the current one and writes
 * the new value straight into the other (a pinned output). A step therefore copies only its per-step inputs and
 * the outputs the caller reads; the state crosses the JVM boundary only through {@link #setState}/{@link #state}.
 *
 * <p>Not thread-safe, like {@link SessionRunner}. Carried values need fully static shapes.
 */
public final class CarriedStateRunner implements AutoCloseable {
    private final InferenceSession owner;
    private final OrtSession session;
    private final OrtEnvironment env;
    /** carried output → the input it feeds */
    private final Map<String, String> carried;
    /** per carried input: its two buffers; slots[current] holds the state the next run reads */
    private final Map<String, ReusableTensor[]> slots = new LinkedHashMap<>();
    private final Map<String, long[]> shapes = new HashMap<>();
    private final Map<String, ReusableTensor> stepInputs = new HashMap<>();
    private int current;
    private boolean closed;

    CarriedStateRunner(InferenceSession owner, OrtSession session, OrtEnvironment env, Map<String, String> carried) {
        this.owner = owner;
        this.session = session;
        this.env = env;
        this.carried = new LinkedHashMap<>(carried);
        try {
            for (Map.Entry<String, String> e : carried.entrySet()) {
                ValueSpec out = owner.output(e.getKey()), in = owner.input(e.getValue());
                long[] shape = staticShape(in);
                if (out.dtype() != in.dtype() || !Arrays.equals(shape, staticShape(out))) {
                    throw new IllegalArgumentException("carried output " + out + " does not match input " + in);
                }
                if (slots.containsKey(in.name())) throw new IllegalArgumentException("input '" + in.name() + "' is carried twice");
                ReusableTensor[] pair = {new ReusableTensor(env, in.dtype()), new ReusableTensor(env, in.dtype())};
                for (ReusableTensor t : pair) t.tensorOfShape(shape);
                slots.put(in.name(), pair);
                shapes.put(in.name(), shape);
            }
        } catch (OrtException e) {
            close();
            throw new InferenceException("allocating carried state failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(); // release the buffers of the pairs that were already set up
            throw e;
        }
    }

    private static long[] staticShape(ValueSpec spec) {
        long[] shape = new long[spec.shape().rank()];
        for (int i = 0; i < shape.length; i++) {
            Dim d = spec.shape().dim(i);
            if (!d.isFixed()) throw new IllegalArgumentException("carried value " + spec + " needs a static shape");
            shape[i] = d.size();
        }
        return shape;
    }

    /** Sets the state the next run reads for a carried input. */
    public void setState(String input, HostTensor value) {
        ReusableTensor[] pair = pair(input);
        if (!Arrays.equals(value.shape(), shapes.get(input)) || value.dtype() != owner.input(input).dtype()) {
            throw new IllegalArgumentException("state '" + input + "' needs " + owner.input(input) + ", got " + value);
        }
        pair[current].write(value);
    }

    /** The current state of a carried input (after the last run: that run's carried output), copied to the heap. */
    public HostTensor state(String input) { return pair(input)[current].read(); }

    /**
     * One run: carried inputs come from the kept state, {@code inputs} supplies every other model input, and the
     * named non-carried outputs are returned.
     */
    public Map<String, HostTensor> run(Map<String, HostTensor> inputs, Collection<String> outputNames) {
        if (closed) throw new IllegalStateException("runner is closed");
        owner.checkOpen();
        Set<String> needed = new LinkedHashSet<>(owner.inputNames());
        needed.removeAll(slots.keySet());
        if (!needed.equals(inputs.keySet())) {
            throw new IllegalArgumentException("per-step inputs must be exactly " + needed + ", got " + inputs.keySet());
        }
        for (String name : outputNames) {
            if (!owner.outputNames().contains(name) || carried.containsKey(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a readable output; carried outputs are read with state()");
            }
        }
        try {
            Map<String, OnnxTensor> feed = new HashMap<>();
            for (Map.Entry<String, HostTensor> e : inputs.entrySet()) {
                HostTensor value = e.getValue();
                if (value.dtype() != owner.input(e.getKey()).dtype()) {
                    throw new IllegalArgumentException("input '" + e.getKey() + "' needs " + owner.input(e.getKey()) + ", got " + value);
                }
                ReusableTensor slot = stepInputs.computeIfAbsent(e.getKey(), k -> new ReusableTensor(env, value.dtype()));
                feed.put(e.getKey(), slot.tensorOfShape(value.shape()));
                slot.write(value);
            }
            Map<String, OnnxValue> pinned = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : carried.entrySet()) {
                ReusableTensor[] pair = slots.get(e.getValue());
                long[] shape = shapes.get(e.getValue());
                feed.put(e.getValue(), pair[current].tensorOfShape(shape));
                pinned.put(e.getKey(), pair[1 - current].tensorOfShape(shape));
            }
            Map<String, HostTensor> results = new LinkedHashMap<>();
            try (OrtSession.Result result = session.run(feed, new LinkedHashSet<>(outputNames), pinned)) {
                for (String name : outputNames) results.put(name, OrtTypes.copyToHost(name, (OnnxTensor) result.get(name).orElseThrow()));
            }
            current = 1 - current;
            return results;
        } catch (OrtException e) {
            throw new InferenceException("running the model failed: " + e.getMessage(), e);
        }
    }

    private ReusableTensor[] pair(String input) {
        ReusableTensor[] pair = slots.get(input);
        if (pair == null) throw new IllegalArgumentException("'" + input + "' is not a carried input; carried: " + slots.keySet());
        return pair;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        slots.values().forEach(pair -> Arrays.stream(pair).forEach(ReusableTensor::close));
        stepInputs.values().forEach(ReusableTensor::close);
        owner.forget(this);
    }
}
