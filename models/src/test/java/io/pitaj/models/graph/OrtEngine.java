package io.pitaj.models.graph;

import io.pitaj.models.onnx.HostTensor;
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
 * Runs graph outputs in ONNX Runtime (CPU): exports them once per distinct output list and feeds each session only
 * the inputs its model declares, so finite-difference checks can be run on the production execution path.
 */
public final class OrtEngine implements Engine, AutoCloseable {
    private final Map<List<Node>, InferenceSession> sessions = new HashMap<>();

    @Override
    public List<Tensor> run(List<Node> outputs, Map<String, Tensor> inputs) {
        InferenceSession session = sessions.computeIfAbsent(List.copyOf(outputs), this::open);
        Map<String, HostTensor> feed = new HashMap<>();
        for (String name : session.inputNames()) {
            Tensor value = inputs.get(name);
            if (value == null) throw new IllegalArgumentException("no value for input '" + name + "'");
            feed.put(name, GraphTensors.toHost(value, session.input(name).dtype()));
        }
        Map<String, HostTensor> out = session.run(feed);
        List<Tensor> result = new ArrayList<>(outputs.size());
        for (int i = 0; i < outputs.size(); i++) result.add(GraphTensors.fromHost(out.get("out" + i)));
        return result;
    }

    private InferenceSession open(List<Node> outputs) {
        Map<String, Node> named = new LinkedHashMap<>();
        for (int i = 0; i < outputs.size(); i++) named.put("out" + i, outputs.get(i));
        return OrtRuntime.shared().open(GraphExporter.export(named, GraphExporter.Options.named("check")), SessionSettings.cpu(1));
    }

    @Override
    public void close() {
        sessions.values().forEach(InferenceSession::close);
        sessions.clear();
    }
}
