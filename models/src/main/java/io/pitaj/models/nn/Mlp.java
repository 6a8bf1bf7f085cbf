package io.pitaj.models.nn;

import io.pitaj.models.graph.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A multilayer perceptron on inputs [N, inDim]: {@code layers} hidden layers of width {@code hidden}, each a
 * {@link Linear} followed by the activation, then a linear output layer to {@code outDim} (no output activation).
 * Its Linear layers are named {@code <name>/0 … <name>/<layers>}.
 */
public final class Mlp {
    /** Hidden-layer nonlinearities that the graph op set expresses directly. */
    public enum Activation {
        TANH {
            @Override public Node apply(Node x) { return x.tanh(); }
        },
        /** x·σ(x) (SiLU / swish). */
        SILU {
            @Override public Node apply(Node x) { return x.silu(); }
        };

        public abstract Node apply(Node x);
    }

    private final List<Linear> linears = new ArrayList<>();
    private final Activation activation;

    public Mlp(ParameterSet params, String name, int inDim, int hidden, int layers, int outDim, Activation activation,
               SplittableRandom rng) {
        if (layers < 0) throw new IllegalArgumentException("negative number of hidden layers: " + layers);
        this.activation = activation;
        int width = inDim;
        for (int i = 0; i < layers; i++) {
            linears.add(new Linear(params, name + "/" + i, width, hidden, rng));
            width = hidden;
        }
        linears.add(new Linear(params, name + "/" + layers, width, outDim, rng));
    }

    public Node apply(BoundParameters p, Node x) {
        Node h = x;
        for (int i = 0; i < linears.size() - 1; i++) h = activation.apply(linears.get(i).apply(p, h));
        return linears.get(linears.size() - 1).apply(p, h);
    }
}
