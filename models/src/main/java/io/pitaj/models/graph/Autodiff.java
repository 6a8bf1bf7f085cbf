package io.pitaj.models.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Symbolic reverse mode: {@link #grad} appends the vector-Jacobian products of every op on the paths from the
 * chosen nodes to the output, as ordinary graph nodes. Because every VJP is built from differentiable ops, the
 * result can be differentiated again (double backprop for PITA's energy-distillation loss).
 */
public final class Autodiff {
    private Autodiff() {}

    /** Gradients of a scalar output with respect to each of {@code wrt}. */
    public static List<Node> grad(Node output, List<Node> wrt) {
        if (output.rank() != 0) {
            throw new IllegalArgumentException("grad without a cotangent needs a scalar output, got " + output.shape());
        }
        return grad(output, wrt, output.graph().scalar(1, output.dtype()));
    }

    /** Vector-Jacobian products cotangentᵀ·∂output/∂w for each w in {@code wrt}; zeros where w does not matter. */
    public static List<Node> grad(Node output, List<Node> wrt, Node cotangent) {
        Graph graph = output.graph();
        if (!cotangent.shape().equals(output.shape())) cotangent = cotangent.expandLike(output);
        if (!cotangent.shape().equals(output.shape())) {
            throw new IllegalArgumentException("cotangent " + cotangent.shape() + " does not match output " + output.shape());
        }
        List<Node> order = Graph.topologicalOrder(List.of(output));
        Set<Node> targets = new HashSet<>(wrt);
        Set<Node> onPath = new HashSet<>();
        for (Node n : order) {
            boolean depends = targets.contains(n);
            for (Node in : n.inputArray()) depends |= onPath.contains(in);
            if (depends) onPath.add(n);
        }
        Map<Node, Node> cot = new HashMap<>();
        if (onPath.contains(output)) cot.put(output, cotangent);
        for (int k = order.size() - 1; k >= 0; k--) {
            Node n = order.get(k);
            Node g = cot.get(n);
            if (g == null || n.inputArray().length == 0) continue;
            Node[] in = n.inputArray();
            Node[] d = n.op().vjp(n, g, in);
            for (int i = 0; i < in.length; i++) {
                if (d[i] == null || !onPath.contains(in[i])) continue;
                if (!d[i].shape().equals(in[i].shape())) {
                    throw new IllegalStateException(n.op().label() + " returned a cotangent of shape " + d[i].shape()
                            + " for an input of shape " + in[i].shape());
                }
                cot.merge(in[i], d[i], Node::add);
            }
        }
        List<Node> out = new ArrayList<>(wrt.size());
        for (Node w : wrt) {
            Node g = cot.get(w);
            out.add(g != null ? g : zerosLike(graph, w));
        }
        return out;
    }

    /**
     * Exact divergence Σᵢ ∂fᵢ/∂xᵢ per sample, for f and x of the same shape with the batch on one axis: one
     * vector-Jacobian product per coordinate with a one-hot cotangent (the forward pass is shared). Returns shape [N].
     */
    public static Node divergence(Node f, Node x) {
        checkPerSample(f, x);
        int[] dims = staticDims(x);
        int d = 1;
        for (int v : dims) d *= v;
        Node trace = null;
        for (int i = 0; i < d; i++) {
            double[] onehot = new double[d];
            onehot[i] = 1;
            Node e = x.graph().constant(new Tensor(dims, onehot), x.dtype());
            Node term = perSampleSum(Autodiff.grad(f, List.of(x), e).get(0).mul(e), x);
            trace = trace == null ? term : trace.add(term);
        }
        return trace;
    }

    /**
     * Hutchinson's unbiased estimate vᵀ(∂f/∂x)v per sample for a probe v of x's shape (Rademacher or Gaussian,
     * supplied by the caller so that runs are reproducible). Returns shape [N].
     */
    public static Node hutchinson(Node f, Node x, Node probe) {
        checkPerSample(f, x);
        if (!probe.shape().equals(x.shape())) throw new IllegalArgumentException("probe shape " + probe.shape() + " ≠ " + x.shape());
        return perSampleSum(Autodiff.grad(f, List.of(x), probe).get(0).mul(probe), x);
    }

    private static void checkPerSample(Node f, Node x) {
        if (!f.shape().equals(x.shape()) || x.shape().batchAxis() != 0) {
            throw new IllegalArgumentException("divergence needs f and x of one shape with the batch first, got "
                    + f.shape() + " and " + x.shape());
        }
    }

    /** x's shape with the batch dimension replaced by 1. */
    private static int[] staticDims(Node x) {
        int[] dims = x.shape().dims();
        dims[0] = 1;
        return dims;
    }

    private static Node perSampleSum(Node v, Node x) {
        int[] axes = new int[x.rank() - 1];
        for (int i = 0; i < axes.length; i++) axes[i] = i + 1;
        return axes.length == 0 ? v : v.sum(axes);
    }

    /** Zeros of w's shape; a batch-shaped zero is a scalar expanded like w. */
    static Node zerosLike(Graph graph, Node w) {
        Node zero = graph.scalar(0, w.dtype());
        return w.shape().hasBatch() ? zero.expandLike(w) : graph.constant(Tensor.zeros(w.shape().dims()), w.dtype());
    }
}
