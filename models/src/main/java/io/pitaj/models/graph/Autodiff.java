package io.pitaj.models.graph;

import io.pitaj.models.graph.ops.Broadcasting;
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

    /**
     * Vector-Jacobian products cotangentᵀ·∂output/∂w for each w in {@code wrt}; zeros where w does not matter.
     *
     * <p>A cotangent of the output's shape, or one that broadcasts to it, gives one VJP. A cotangent of shape
     * [k₁, …, k_L] + output shape is a stack of cotangents: the result for each w is the stack of the VJPs, of shape
     * [k₁, …, k_L] + w's shape, computed in one backward pass whose every op carries the stacking axes (the forward
     * values are shared, so k VJPs cost one traversal of the graph with k-fold wider tensors, not k traversals).
     */
    public static List<Node> grad(Node output, List<Node> wrt, Node cotangent) {
        Graph graph = output.graph();
        int lead = stackingAxes(output, cotangent);
        if (lead == 0 && !cotangent.shape().equals(output.shape())) cotangent = cotangent.expandLike(output);
        if (lead == 0 && !cotangent.shape().equals(output.shape())) {
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
                if (!d[i].shape().equals(Broadcasting.lifted(cotangent, lead, in[i].shape()))) {
                    throw new IllegalStateException(n.op().label() + " returned a cotangent of shape " + d[i].shape()
                            + " for an input of shape " + in[i].shape() + (lead > 0 ? " and " + lead + " stacking axes" : ""));
                }
                cot.merge(in[i], d[i], Node::add);
            }
        }
        List<Node> out = new ArrayList<>(wrt.size());
        for (Node w : wrt) {
            Node g = cot.get(w);
            out.add(g != null ? g : zerosLike(graph, w, cotangent, lead));
        }
        return out;
    }

    /** How many stacking axes the cotangent has in front of the output's shape (0 unless its rank is larger). */
    private static int stackingAxes(Node output, Node cotangent) {
        int lead = cotangent.rank() - output.rank();
        if (lead <= 0) return 0;
        for (int i = 0; i < output.rank(); i++) {
            if (cotangent.shape().dim(lead + i) != output.shape().dim(i)) {
                throw new IllegalArgumentException("a stack of cotangents must end with the output's shape " + output.shape()
                        + ", got " + cotangent.shape());
            }
        }
        for (int i = 0; i < lead; i++) {
            if (cotangent.shape().dim(i) == Shape.BATCH) {
                throw new IllegalArgumentException("stacking axes must be static, got " + cotangent.shape());
            }
        }
        return lead;
    }

    /**
     * Exact divergence Σᵢ ∂fᵢ/∂xᵢ per sample, for f and x of the same shape with the batch on the first axis, taking
     * {@code k} coordinates per backward pass: the d one-hot cotangents are stacked k at a time on a leading axis
     * ({@link #grad(Node, List, Node)}), so the graph holds ⌈d/k⌉ backward passes, each k times as wide, over one
     * shared forward pass. Larger k means fewer, larger kernels (what a GPU wants) and k-fold memory for the
     * backward's intermediates. The diagonal entry of each VJP is selected, not multiplied out. Returns shape [N].
     */
    public static Node divergence(Node f, Node x, int k) {
        checkPerSample(f, x);
        int d = Math.toIntExact(x.shape().staticSize());
        if (k < 1) throw new IllegalArgumentException("coordinates per backward pass must be ≥ 1, got " + k);
        int[] sample = staticDims(x);
        Node trace = null;
        for (int first = 0; first < d; first += k) {
            int count = Math.min(k, d - first);
            double[] onehot = new double[count * d];
            for (int j = 0; j < count; j++) onehot[j * d + first + j] = 1;
            int[] stackShape = new int[sample.length + 1];
            stackShape[0] = count;
            System.arraycopy(sample, 0, stackShape, 1, sample.length);
            Node cotangents = x.graph().constant(new Tensor(stackShape, onehot), f.dtype()).expandLike(f);
            Node vjps = grad(f, List.of(x), cotangents).get(0);
            int[] diagonal = new int[count];
            for (int j = 0; j < count; j++) diagonal[j] = j * d + first + j;
            Node term = vjps.reshape(count, Shape.BATCH, d).transpose(1, 0, 2).reshape(Shape.BATCH, count * d)
                    .gather(1, diagonal).sum(1);
            trace = trace == null ? term : trace.add(term);
        }
        return trace;
    }

    /**
     * Hutchinson's unbiased estimate vᵀ(∂f/∂x)v per sample for a probe v (Rademacher or Gaussian, supplied by the
     * caller so that runs are reproducible): of x's shape for one probe, or [P] + x's shape for P probes, whose
     * estimates are averaged (one backward pass carries all P). Returns shape [N].
     */
    public static Node hutchinson(Node f, Node x, Node probe) {
        checkPerSample(f, x);
        int lead = probe.rank() - x.rank();
        boolean fits = lead == 0 || lead == 1;
        for (int i = 0; fits && i < x.rank(); i++) fits = probe.shape().dim(lead + i) == x.shape().dim(i);
        if (!fits) throw new IllegalArgumentException("probe shape " + probe.shape() + " is neither " + x.shape() + " nor [P] + it");
        Node products = Autodiff.grad(f, List.of(x), probe).get(0).mul(probe);
        int[] axes = new int[x.rank() - 1];
        for (int i = 0; i < axes.length; i++) axes[i] = lead + 1 + i;
        Node perProbe = axes.length == 0 ? products : products.sum(axes);
        return lead == 0 ? perProbe : perProbe.mean(0);
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

    /** Zeros of w's (stacked) shape; a batch-shaped zero is a scalar expanded like w. */
    static Node zerosLike(Graph graph, Node w, Node cotangent, int lead) {
        Shape target = Broadcasting.lifted(cotangent, lead, w.shape());
        if (!target.hasBatch()) return graph.constant(Tensor.zeros(target.dims()), w.dtype());
        Node zero = graph.scalar(0, w.dtype()).expandLike(w);
        if (lead == 0) return zero;
        int[] stack = new int[target.rank()];
        java.util.Arrays.fill(stack, 1);
        for (int i = 0; i < lead; i++) stack[i] = target.dim(i);
        return zero.expandLike(graph.constant(Tensor.zeros(stack), w.dtype()));
    }
}
