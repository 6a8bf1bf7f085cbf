package io.pitaj.models.nets;

import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.nn.Activations;
import io.pitaj.models.nn.BoundParameters;
import io.pitaj.models.nn.Dropout;
import io.pitaj.models.nn.Init;
import io.pitaj.models.nn.Linear;
import io.pitaj.models.nn.ParameterSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The EGNN of {@link EgnnConfig}. Per layer, over all ordered pairs i ≠ j with d_ij = y_i − y_j:
 * m_ij = SiLU(L2(SiLU(L1([h_i, h_j, |d_ij|², e_ij])))) gated by sigmoid(La(m_ij)); y_i += Σ_j d_ij/(|d_ij| + 1)·
 * range·tanh(w·SiLU(Lc(m_ij))); h_i += Ln2(SiLU(Ln1([h_i, Σ_j m_ij]))); e_ij = |y_i − y_j|² of the input. The
 * output is y_final − y with the per-sample mean removed: translation-invariant and rotation-equivariant.
 *
 * <p>Each node's input features are [c_noise, β], the same for every node, as the specification states. (The
 * reference code concatenates a batch of per-node time and β columns and reshapes them, which hands nodes 0–5
 * (t, t), node 6 (t, β) and nodes 7–12 (β, β) and so breaks permutation equivariance; we do not copy that.)
 *
 * <p>Layout: pairs are the dense n × n grid, the diagonal included and switched off, instead of a list of n(n − 1)
 * pairs reached through gathers and scatters. Per-pair sums and node-to-pair copies are then reductions and
 * broadcasts over a grid axis, and the backward passes (n(n − 1) pairs → nodes) need no index permutations — they
 * dominated the cost of the exact divergence, which runs this network's backward d times. The diagonal costs
 * 1/(n − 1) more pair work and computes nothing: d_ii = 0, and its gate is multiplied by zero, so m_ii = 0 and the
 * coordinate weight of (i, i) is zero. Per-pair coordinates are kept as [..., spatial, n, n], so their element-wise
 * ops run along the n × n pair grid rather than along a trailing axis of 3 (ORT's broadcasting kernels are slow when the
 * innermost axis is that short), and coordinates are [..., spatial, n] inside the network.
 * The first layer of each message and node MLP acts on a concatenation; its weight is applied part by part (the same
 * parameters, the same sums), so the node shares are computed per node, not per pair. Node features that are still
 * identical for every node (before the first update) keep a node axis of size 1 and broadcast.
 */
final class Egnn implements Backbone {
    private final EgnnConfig config;
    private final Linear embedding;
    private final List<Layer> layers = new ArrayList<>();

    /** One E_GCL layer's linear maps. */
    private record Layer(Linear edge1, Linear edge2, Linear gate, Linear coord1, Linear coordOut, Linear node1,
                         Linear node2) {}

    Egnn(EgnnConfig config, ParameterSet params, SplittableRandom rng) {
        this.config = config;
        int hd = config.hidden();
        embedding = new Linear(params, "egnn/embedding", config.betaConditioned() ? 2 : 1, hd, rng);
        for (int l = 0; l < config.layers(); l++) {
            String name = "egnn/layer" + l + "/";
            layers.add(new Layer(
                    new Linear(params, name + "edge1", 2 * hd + 2, hd, rng),
                    new Linear(params, name + "edge2", hd, hd, rng),
                    new Linear(params, name + "gate", hd, 1, rng),
                    new Linear(params, name + "coord1", hd, hd, rng),
                    new Linear(params, name + "coord_out", hd, 1, Init.xavierUniform(0.001), null, rng),
                    new Linear(params, name + "node1", 2 * hd, hd, rng),
                    new Linear(params, name + "node2", hd, hd, rng)));
        }
    }

    @Override public EgnnConfig config() { return config; }

    @Override public Node apply(BoundParameters p, Node cNoise, Node y, Node beta, Dropout dropout) {
        Backbone.checkInputs(config, cNoise, y, beta);
        int lead = cNoise.rank(), n = config.particles(), s = config.spatialDim(), hd = config.hidden();
        double range = config.coordsRange() / config.layers();
        Node offDiagonal = y.graph().constant(offDiagonal(n), y.dtype()); // [n, n]
        Node features = beta == null ? asNodeFeature(cNoise) : Node.concat(-1, asNodeFeature(cNoise), asNodeFeature(beta));
        Node h = embedding.apply(p, features); // [..., 1, hidden]: the same for every node
        Node input = swapLastAxes(y, n, s); // [..., spatial, n] inside the network
        Node edgeAttribute = column(squaredLengths(differences(input)));
        Node coords = input;
        for (Layer layer : layers) {
            Node diff = differences(coords); // [..., spatial, n, n]
            Node radial = squaredLengths(diff); // [..., n, n]
            // [|d_ij|², e_ij] through their two rows at once: the backward reads the pair cotangent once for both
            Node pre = layer.edge1().applyToRows(p, h, 0, hd).reshape(insertAxis(h.shape().dims(), lead + 1))
                    .add(layer.edge1().applyToRows(p, h, hd, 2 * hd).reshape(insertAxis(h.shape().dims(), lead)))
                    .add(layer.edge1().applyToRows(p, Node.concat(-1, column(radial), edgeAttribute), 2 * hd, 2 * hd + 2));
            Node m = Activations.silu(layer.edge2().apply(p, Activations.silu(layer.edge1().addBias(p, pre))));
            m = m.mul(layer.gate().apply(p, m).sigmoid().mul(column(offDiagonal))); // [..., n, n, hidden], m_ii = 0
            Node shift = layer.coordOut().apply(p, Activations.silu(layer.coord1().apply(p, m))).tanh().mul(range);
            Node scale = radial.add(1e-8).sqrt().add(1).pow(-1).mul(offDiagonal);
            Node weights = shift.reshape(radial.shape()).mul(scale); // w_ij of Σ_j w_ij·(y_i − y_j)
            coords = coords.add(diff.mul(weights.reshape(insertAxis(weights.shape().dims(), lead))).sum(-1));
            Node aggregate = m.sum(lead + 1); // Σ_j m_ij: [..., n, hidden]
            Node hidden = layer.node1().addBias(p, layer.node1().applyToRows(p, h, 0, hd)
                    .add(layer.node1().applyToRows(p, aggregate, hd, 2 * hd)));
            h = h.add(layer.node2().apply(p, Activations.silu(hidden)));
        }
        Node f = coords.sub(input);
        return swapLastAxes(f.sub(f.meanKeep(-1)), s, n);
    }

    /**
     * [..., a, b] → [..., b, a] as a product with a permutation matrix on the flattened sample. ORT's Transpose is
     * slow for such small trailing blocks (≈ 70 times an Add of the same size), and the backward of a transpose is
     * another transpose of every cotangent; a permutation matmul costs (a·b)² multiply-adds per sample and its
     * backward is a matmul too. It is exact (one product by 1 per output, the others by 0), and since every output
     * of this network depends on every input of its sample, it spreads a non-finite input no further than the
     * network already does.
     */
    private static Node swapLastAxes(Node x, int a, int b) {
        int r = x.rank();
        double[] permutation = new double[a * b * a * b];
        for (int i = 0; i < a; i++) for (int j = 0; j < b; j++) permutation[(i * b + j) * (a * b) + j * a + i] = 1;
        int[] flat = java.util.Arrays.copyOf(x.shape().dims(), r - 1);
        flat[r - 2] = a * b;
        int[] swapped = x.shape().dims();
        swapped[r - 2] = b;
        swapped[r - 1] = a;
        Node p = x.graph().constant(new Tensor(new int[] {a * b, a * b}, permutation), x.dtype());
        return x.reshape(flat).matmul(p).reshape(swapped);
    }

    /** 1 off the diagonal, 0 on it. */
    private static Tensor offDiagonal(int n) {
        Tensor t = Tensor.filled(1, n, n);
        for (int i = 0; i < n; i++) t.data()[i * n + i] = 0;
        return t;
    }

    /** A per-sample scalar [...] as a feature column of one (broadcast) node: [..., 1, 1]. */
    private static Node asNodeFeature(Node s) {
        int[] dims = java.util.Arrays.copyOf(s.shape().dims(), s.rank() + 2);
        dims[s.rank()] = 1;
        dims[s.rank() + 1] = 1;
        return s.reshape(dims);
    }

    /** y_i − y_j for all i, j, laid out [..., spatial, n, n], from coordinates [..., spatial, n]. */
    private static Node differences(Node coords) {
        int[] rows = insertAxis(coords.shape().dims(), coords.rank()), cols = insertAxis(coords.shape().dims(), coords.rank() - 1);
        return coords.reshape(rows).sub(coords.reshape(cols));
    }

    /** |d_ij|² summed over the spatial axis: [..., spatial, n, n] → [..., n, n]. */
    private static Node squaredLengths(Node diff) { return diff.square().sum(diff.rank() - 3); }

    /** [..., n, n] → [..., n, n, 1], a per-pair feature column. */
    private static Node column(Node pairs) { return pairs.reshape(insertAxis(pairs.shape().dims(), pairs.rank())); }

    /** dims with a 1 inserted at {@code at}. */
    private static int[] insertAxis(int[] dims, int at) {
        int[] out = new int[dims.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) out[i] = i == at ? 1 : dims[j++];
        return out;
    }
}
