package io.pitaj.models.nn;

import io.pitaj.models.graph.Node;
import java.util.SplittableRandom;

/**
 * y = x·W + b for x of shape [..., in]; W is stored [in, out] so that the graph needs no transpose. Registers
 * {@code <name>/weight} and {@code <name>/bias} with PyTorch's default Linear initialisation.
 */
public final class Linear {
    private final String weight;
    private final String bias;
    private final int inDim;

    public Linear(ParameterSet params, String name, int inDim, int outDim, SplittableRandom rng) {
        this.inDim = inDim;
        this.weight = params.add(name + "/weight", new int[] {inDim, outDim}, Init.linearDefault(inDim), rng).name();
        this.bias = params.add(name + "/bias", new int[] {outDim}, Init.linearDefault(inDim), rng).name();
    }

    public Node apply(BoundParameters p, Node x) {
        if (x.shape().dim(x.rank() - 1) != inDim) {
            throw new IllegalArgumentException("Linear " + weight + " expects last dimension " + inDim + ", got " + x.shape());
        }
        return x.matmul(p.get(weight)).add(p.get(bias));
    }
}
