package io.pitaj.models.train;

import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A graph together with its named outputs, in a fixed order: what an exporter writes and what a
 * {@link StepExecutor} runs. Input names are those of the graph's {@link Graph#inputs() inputs}.
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
