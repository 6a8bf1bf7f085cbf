package io.pitaj.models.runtime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.pitaj.models.onnx.HostTensor;
import io.pitaj.models.onnx.ValueSpec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loaded ONNX model, built once and reused for every evaluation of that graph.
 *
 * <p>Thread-safety: {@link #run} may be called from any number of threads at once (each call uses its own buffers,
 * and ORT sessions support concurrent runs). For repeated runs from one thread without per-run buffer allocation,
 * take a {@link SessionRunner} per thread with {@link #newRunner()}. Do not close the session while runs are in
 * flight; closing it also closes every runner it handed out.
 */
public final class InferenceSession implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final OrtSession.SessionOptions options;
    private final ExecutionProvider provider;
    private final SessionSettings settings;
    private final Map<String, ValueSpec> inputs;
    private final Map<String, ValueSpec> outputs;
    private final Set<AutoCloseable> runners = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private InferenceSession(OrtEnvironment env, OrtSession session, OrtSession.SessionOptions options,
                             ExecutionProvider provider, SessionSettings settings) throws OrtException {
        this.env = env;
        this.session = session;
        this.options = options;
        this.provider = provider;
        this.settings = settings;
        this.inputs = specs(session.getInputInfo());
        this.outputs = specs(session.getOutputInfo());
    }

    /**
     * Takes ownership of a freshly created ORT session and its options; if the model declares values the runtime
     * cannot handle (non-tensor or unsupported element types), closes the session and rethrows; the options stay
     * with the caller.
     */
    static InferenceSession adopt(OrtEnvironment env, OrtSession session, OrtSession.SessionOptions options,
                                  ExecutionProvider provider, SessionSettings settings) throws OrtException {
        try {
            return new InferenceSession(env, session, options, provider, settings);
        } catch (OrtException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static Map<String, ValueSpec> specs(Map<String, NodeInfo> infos) {
        Map<String, ValueSpec> specs = new LinkedHashMap<>();
        infos.forEach((name, info) -> specs.put(name, OrtTypes.valueSpec(info)));
        return Collections.unmodifiableMap(specs);
    }

    /** The provider the session actually runs on: CPU after a CUDA fallback. */
    public ExecutionProvider provider() { return provider; }

    /** The settings the session was requested with (the provider there may differ from {@link #provider()}). */
    public SessionSettings settings() { return settings; }

    /** Declared graph inputs in graph order, with symbolic dimensions such as "batch" kept by name. */
    public List<ValueSpec> inputs() { return new ArrayList<>(inputs.values()); }

    /** Declared graph outputs in graph order. */
    public List<ValueSpec> outputs() { return new ArrayList<>(outputs.values()); }

    public Set<String> inputNames() { return inputs.keySet(); }

    public Set<String> outputNames() { return outputs.keySet(); }

    public ValueSpec input(String name) {
        ValueSpec spec = inputs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("unknown input '" + name + "'; the model has " + inputs.keySet());
        }
        return spec;
    }

    public ValueSpec output(String name) {
        ValueSpec spec = outputs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("unknown output '" + name + "'; the model has " + outputs.keySet());
        }
        return spec;
    }

    /** Runs once with fresh buffers and returns every output. Safe to call concurrently. */
    public Map<String, HostTensor> run(Map<String, HostTensor> feed) {
        try (SessionRunner runner = newRunner()) {
            return runner.run(feed);
        }
    }

    /** Runs once with fresh buffers and returns the named outputs. Safe to call concurrently. */
    public Map<String, HostTensor> run(Map<String, HostTensor> feed, Collection<String> outputNames) {
        try (SessionRunner runner = newRunner()) {
            return runner.run(feed, outputNames);
        }
    }

    /** A single-thread runner that keeps its buffers between runs; close it (or this session) when done. */
    public SessionRunner newRunner() {
        checkOpen();
        SessionRunner runner = new SessionRunner(this, session, env);
        runners.add(runner);
        return runner;
    }

    /**
     * A single-thread runner that carries state from run to run in native memory: {@code carried} maps each output
     * to the input it becomes in the next run. Close it (or this session) when done.
     */
    public CarriedStateRunner newCarriedStateRunner(Map<String, String> carried) {
        checkOpen();
        CarriedStateRunner runner = new CarriedStateRunner(this, session, env, carried);
        runners.add(runner);
        return runner;
    }

    void forget(AutoCloseable runner) {
        runners.remove(runner);
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("session is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable r : List.copyOf(runners)) {
            try {
                r.close();
            } catch (Exception e) {
                throw new InferenceException("closing a runner failed: " + e.getMessage(), e);
            }
        }
        try {
            session.close();
        } catch (OrtException e) {
            throw new InferenceException("closing the ONNX Runtime session failed: " + e.getMessage(), e);
        } finally {
            options.close();
        }
    }
}
