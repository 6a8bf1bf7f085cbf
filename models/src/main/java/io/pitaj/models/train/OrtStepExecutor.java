package io.pitaj.models.train;

import io.pitaj.models.graph.Tensor;
import io.pitaj.models.onnx.HostTensor;
import io.pitaj.models.runtime.ExecutionProvider;
import io.pitaj.models.runtime.GraphTensors;
import io.pitaj.models.runtime.InferenceSession;
import io.pitaj.models.runtime.SessionRunner;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs an exported step graph in ONNX Runtime behind the {@link StepExecutor} contract, so {@link Trainer} drives
 * CPU and CUDA sessions exactly as it drives the interpreter. One runner keeps its native buffers between steps;
 * like every executor it serves one thread.
 */
public final class OrtStepExecutor implements StepExecutor, AutoCloseable {
    private final InferenceSession session;
    private final SessionRunner runner;

    /** Takes ownership of the session. */
    public OrtStepExecutor(InferenceSession session) {
        this.session = session;
        this.runner = session.newRunner();
    }

    /** The provider the session actually runs on (CPU after a CUDA fallback). */
    public ExecutionProvider provider() { return session.provider(); }

    @Override
    public Map<String, Tensor> run(Map<String, Tensor> inputs) {
        Map<String, HostTensor> feed = new HashMap<>();
        inputs.forEach((name, value) -> feed.put(name, GraphTensors.toHost(value, session.input(name).dtype())));
        Map<String, Tensor> out = new LinkedHashMap<>();
        runner.run(feed).forEach((name, value) -> out.put(name, GraphTensors.fromHost(value)));
        return out;
    }

    @Override
    public void close() {
        runner.close();
        session.close();
    }
}
