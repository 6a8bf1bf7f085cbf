package io.pitaj.models.nn;

import io.pitaj.models.graph.Node;
import java.util.SplittableRandom;

/**
 * y = x·W (+ b) for x of shape [..., in] with any number of leading axes; W is stored [in, out] so that the forward
 * graph needs no transpose. Registers {@code <name>/weight} and, unless bias-free, {@code <name>/bias}.
 */
public final class Linear {
    private final String weight;
    private final String bias;
    private final int inDim;
    private final int outDim;

    /** PyTorch's default {@code nn.Linear}: weight and bias from U(−1/√in, 1/√in). */
    public Linear(ParameterSet params, String name, int inDim, int outDim, SplittableRandom rng) {
        this(params, name, inDim, outDim, Init.linearDefault(inDim), Init.linearDefault(inDim), rng);
    }

    /**
     * A layer with the given initialisations; a null {@code biasInit} makes it bias-free.
     */
    public Linear(ParameterSet params, String name, int inDim, int outDim, Init weightInit, Init biasInit,
                  SplittableRandom rng) {
        if (inDim < 1 || outDim < 1) throw new IllegalArgumentException("Linear " + name + " needs positive sizes");
        this.inDim = inDim;
        this.outDim = outDim;
        this.weight = params.add(name + "/weight", new int[] {inDim, outDim}, weightInit, rng).name();
        this.bias = biasInit == null ? null : params.add(name + "/bias", new int[] {outDim}, biasInit, rng).name();
    }

    /** PyTorch's default weight initialisation and no bias (the DiT's attention projections). */
    public static Linear biasFree(ParameterSet params, String name, int inDim, int outDim, SplittableRandom rng) {
        return new Linear(params, name, inDim, outDim, Init.linearDefault(inDim), null, rng);
    }

    /** Weight and bias start at zero (adaLN-Zero modulation and output layers: the layer is the zero map at first). */
    public static Linear zeroInitialised(ParameterSet params, String name, int inDim, int outDim) {
        return new Linear(params, name, inDim, outDim, Init.zeros(), Init.zeros(), null);
    }

    public Node apply(BoundParameters p, Node x) {
        if (x.rank() < 1 || x.shape().dim(x.rank() - 1) != inDim) {
            throw new IllegalArgumentException("Linear " + weight + " expects last dimension " + inDim + ", got " + x.shape());
        }
        Node w = p.get(weight);
        // MatMul needs rank ≥ 2; a lone feature vector is a one-row matrix
        Node y = x.rank() == 1 ? x.reshape(1, inDim).matmul(w).reshape(outDim) : x.matmul(w);
        return bias == null ? y : y.add(p.get(bias));
    }

    /**
     * x·W[from:to] without the bias: the share of input features [from, to) when the layer's input is a
     * concatenation that the caller applies part by part (EGNN's edge and node layers, where a node-level share is
     * computed once per node instead of once per edge).
     */
    public Node applyToRows(BoundParameters p, Node x, int from, int to) {
        if (from < 0 || to > inDim || from >= to || x.shape().dim(x.rank() - 1) != to - from) {
            throw new IllegalArgumentException("Linear " + weight + ": rows [" + from + ", " + to + ") do not fit input "
                    + x.shape());
        }
        return x.matmul(p.get(weight).slice(0, from, to));
    }

    /** y + b, or y for a bias-free layer. */
    public Node addBias(BoundParameters p, Node y) { return bias == null ? y : y.add(p.get(bias)); }
}
