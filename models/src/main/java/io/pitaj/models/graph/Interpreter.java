package io.pitaj.models.graph;

import io.pitaj.models.graph.ops.Input;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates graphs in double precision, op by op, whatever their declared element types: the reference the ONNX
 * Runtime execution is tested against, and a debugging aid.
 */
public final class Interpreter {
    private Interpreter() {}

    /** Values of {@code outputs} given values for the graph inputs they need, keyed by input name. */
    public static List<Tensor> run(List<Node> outputs, Map<String, Tensor> inputs) {
        List<Node> order = Graph.topologicalOrder(outputs);
        Map<Node, Tensor> values = new HashMap<>();
        int batch = -1;
        for (Node n : order) {
            if (n.op() instanceof Input in) {
                Tensor t = inputs.get(in.inputName());
                if (t == null) throw new IllegalArgumentException("no value for input '" + in.inputName() + "'");
                batch = checkShape(in.inputName(), n.shape(), t, batch);
                values.put(n, t);
                continue;
            }
            Tensor[] args = new Tensor[n.inputArray().length];
            for (int i = 0; i < args.length; i++) args[i] = values.get(n.inputArray()[i]);
            values.put(n, n.op().eval(args));
        }
        List<Tensor> out = new ArrayList<>(outputs.size());
        for (Node o : outputs) out.add(values.get(o));
        return out;
    }

    private static int checkShape(String name, Shape declared, Tensor t, int batch) {
        if (t.rank() != declared.rank()) {
            throw new IllegalArgumentException("input '" + name + "' has rank " + t.rank() + ", declared " + declared);
        }
        for (int i = 0; i < t.rank(); i++) {
            int d = declared.dim(i);
            if (d == Shape.BATCH) {
                if (batch >= 0 && batch != t.dim(i)) {
                    throw new IllegalArgumentException("input '" + name + "' has batch " + t.dim(i) + ", others " + batch);
                }
                batch = t.dim(i);
            } else if (d != t.dim(i)) {
                throw new IllegalArgumentException("input '" + name + "' has shape " + java.util.Arrays.toString(t.shape())
                        + ", declared " + declared);
            }
        }
        return batch;
    }
}
