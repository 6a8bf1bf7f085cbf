package io.pitaj.models.nn;

import io.pitaj.models.graph.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph nodes standing for the parameters of a {@link ParameterSet} in one graph: inputs in training-step
 * graphs, constants in inference graphs. Module code reads its parameters from here, so the same code builds both.
 */
public final class BoundParameters {
    private final Map<String, Node> byName;

    BoundParameters(Map<String, Node> byName) { this.byName = new LinkedHashMap<>(byName); }

    public Node get(String name) {
        Node n = byName.get(name);
        if (n == null) throw new IllegalArgumentException("no parameter named '" + name + "' is bound");
        return n;
    }

    /** The nodes in the parameter set's order. */
    public List<Node> nodes() { return new ArrayList<>(byName.values()); }

    public List<String> names() { return new ArrayList<>(byName.keySet()); }

    /** The parameters whose names start with {@code prefix}, under their names without it (one network of several). */
    public BoundParameters scoped(String prefix) {
        Map<String, Node> scoped = new LinkedHashMap<>();
        byName.forEach((name, node) -> {
            if (name.startsWith(prefix)) scoped.put(name.substring(prefix.length()), node);
        });
        if (scoped.isEmpty()) throw new IllegalArgumentException("no bound parameter starts with '" + prefix + "'");
        return new BoundParameters(scoped);
    }
}
