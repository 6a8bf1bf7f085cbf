package io.pitaj.models.train;

import io.pitaj.models.graph.NamedGraph;
import io.pitaj.models.graph.Interpreter;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.graph.ops.Input;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs a {@link NamedGraph} with the double-precision {@link Interpreter}: the reference execution. */
public final class InterpreterExecutor implements StepExecutor {
    private final NamedGraph graph;
    private final Set<String> inputNames;

    public InterpreterExecutor(NamedGraph graph) {
        this.graph = graph;
        this.inputNames = graph.graph().inputs().stream()
                .map(n -> ((Input) n.op()).inputName())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Map<String, Tensor> run(Map<String, Tensor> inputs) {
        for (String name : inputs.keySet()) {
            // an ONNX session rejects unknown names too; failing here keeps both executors interchangeable
            if (!inputNames.contains(name)) throw new IllegalArgumentException("graph has no input named '" + name + "'");
        }
        List<Node> nodes = graph.outputNodes();
        List<Tensor> values = Interpreter.run(nodes, inputs);
        Map<String, Tensor> out = new LinkedHashMap<>();
        List<String> names = graph.outputNames();
        for (int i = 0; i < names.size(); i++) {
            // outputs may alias inputs or constants inside the interpreter; callers own what they get
            Tensor v = values.get(i);
            out.put(names.get(i), new Tensor(v.shape(), v.data().clone()));
        }
        return out;
    }
}
