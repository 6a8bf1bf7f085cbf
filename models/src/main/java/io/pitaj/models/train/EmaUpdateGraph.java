package io.pitaj.models.train;

import io.pitaj.models.graph.NamedGraph;
import static io.pitaj.models.train.TrainingGraphNames.*;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.nn.BoundParameters;
import io.pitaj.models.nn.ParameterSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exponential moving average of the parameters as a graph: ema ← d·ema + (1−d)·param with the decay d fed at
 * run time. Inputs: {@code ema/<p>} for every parameter, {@code param/<p>}, {@code ema_decay}; outputs
 * {@code new_ema/<p>}, in {@link ParameterSet} order.
 */
public final class EmaUpdateGraph {
    private EmaUpdateGraph() {}

    /** PITA's cap on the decay (spec §1.4). */
    public static final double MAX_DECAY = 0.999;

    /**
     * d = min(0.999, (1+n)/(10+n)) with n the number of optimiser updates including the one just taken (the
     * torch_ema convention: its counter is incremented before the decay is computed), so the first update uses 2/11.
     */
    public static double decay(long updates) {
        if (updates < 1) throw new IllegalArgumentException("the EMA is updated after an optimiser step; got n = " + updates);
        return Math.min(MAX_DECAY, (1.0 + updates) / (10.0 + updates));
    }

    public static NamedGraph build(ParameterSet params, DType dtype) {
        Graph graph = new Graph();
        BoundParameters ema = params.bindAsInputs(graph, dtype, EMA);
        BoundParameters p = params.bindAsInputs(graph, dtype, PARAM);
        Node d = graph.input(EMA_DECAY, dtype, Shape.SCALAR);
        Node oneMinusD = d.rsub(1);
        Map<String, Node> outputs = new LinkedHashMap<>();
        for (String name : params.names()) outputs.put(NEW_EMA + name, d.mul(ema.get(name)).add(oneMinusD.mul(p.get(name))));
        return new NamedGraph(graph, outputs);
    }
}
