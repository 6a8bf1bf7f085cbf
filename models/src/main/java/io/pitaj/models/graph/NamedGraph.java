package io.pitaj.models.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A graph together with its named outputs, in a fixed order: what {@link GraphExporter} writes and what the
 * interpreter or an ONNX session runs. Input names are those of the graph's {@link Graph#inputs() inputs}.
 */
public record NamedGraph(Graph graph, Map<String, Node> outputs) {
    public NamedGraph {
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        for (Map.Entry<String, Node> e : outputs.entrySet()) {
            if (e.getValue().graph() != graph) {
                throw new IllegalArgumentException("output '" + e.getKey() + "' belongs to another graph");
            }
        }
    }

    public List<String> outputNames() { return new ArrayList<>(outputs.keySet()); }

    public List<Node> outputNodes() { return new ArrayList<>(outputs.values()); }
}
