package io.pitaj.models.nets;

import io.pitaj.models.graph.Node;
import io.pitaj.models.nn.Activations;
import io.pitaj.models.nn.BoundParameters;
import io.pitaj.models.nn.Init;
import io.pitaj.models.nn.Linear;
import io.pitaj.models.nn.ParameterSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The EGNN of {@link EgnnConfig}. Per layer, with d_ij = y_i − y_j over all ordered pairs i ≠ j:
 * m_ij = SiLU(L2(SiLU(L1([h_i, h_j, |d_ij|², e_ij])))) gated by sigmoid(La(m_ij)); y_i += Σ_j d_ij/(|d_ij| + 1)·
 * range·tanh(w·SiLU(Lc(m_ij))); h_i += Ln2(SiLU(Ln1([h_i, Σ_j m_ij]))); e_ij = |y_i − y_j|² of the input. The
 * output is y_final − y with the per-sample mean removed: translation-invariant and rotation-equivariant.
 *
 * <p>Each node's input features are [c_noise, β], the same for every node, as the specification states. (The
 * reference code concatenates a batch of per-node time and β columns and reshapes them, which hands nodes 0–5
 * (t, t), node 6 (t, β) and nodes 7–12 (β, β) and so breaks permutation equivariance; we do not copy that.)
 *
 * <p>The first layer of each message and node MLP acts on a concatenation; its weight is applied part by part
 * (the same parameters, the same sums), so the node shares are computed once per node rather than once per pair:
 * 13 rows instead of 156 for LJ-13. Node features that are still identical for every node (before the first
 * update) are kept with a node axis of size 1 and broadcast.
 */
final class Egnn implements Backbone {
    private final EgnnConfig config;
    private final int[] senders;
    private final int[] receivers;
    private final Linear embedding;
    private final List<Layer> layers = new ArrayList<>();

    /** One E_GCL layer's linear maps. */
    private record Layer(Linear edge1, Linear edge2, Linear gate, Linear coord1, Linear coordOut, Linear node1,
                         Linear node2) {}

    Egnn(EgnnConfig config, ParameterSet params, SplittableRandom rng) {
        this.config = config;
        int n = config.particles(), pairs = n * (n - 1), hd = config.hidden();
        // the reference's order: (i, j) then (j, i) for each i < j; messages are summed into the first index
        senders = new int[pairs];
        receivers = new int[pairs];
        for (int i = 0, e = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++, e += 2) {
                senders[e] = i;
                receivers[e] = j;
                senders[e + 1] = j;
                receivers[e + 1] = i;
            }
        }
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

    @Override public Node apply(BoundParameters p, Node cNoise, Node y, Node beta) {
        Backbone.checkInputs(config, cNoise, y, beta);
        int axis = cNoise.rank(), n = config.particles(), hd = config.hidden();
        double range = config.coordsRange() / config.layers();
        Node features = beta == null ? asNodeFeature(cNoise) : Node.concat(-1, asNodeFeature(cNoise), asNodeFeature(beta));
        Node h = embedding.apply(p, features); // [..., 1, hidden]: the same for every node
        Node edgeAttribute = squaredLengths(differences(y, axis));
        Node coords = y;
        for (Layer layer : layers) {
            Node diff = differences(coords, axis);
            Node radial = squaredLengths(diff);
            Node unit = diff.div(radial.add(1e-8).sqrt().add(1));
            Node pre = perPair(layer.edge1().applyToRows(p, h, 0, hd), senders, axis)
                    .add(perPair(layer.edge1().applyToRows(p, h, hd, 2 * hd), receivers, axis))
                    .add(layer.edge1().applyToRows(p, radial, 2 * hd, 2 * hd + 1))
                    .add(layer.edge1().applyToRows(p, edgeAttribute, 2 * hd + 1, 2 * hd + 2));
            Node m = Activations.silu(layer.edge2().apply(p, Activations.silu(layer.edge1().addBias(p, pre))));
            m = m.mul(layer.gate().apply(p, m).sigmoid());
            Node shift = layer.coordOut().apply(p, Activations.silu(layer.coord1().apply(p, m))).tanh().mul(range);
            coords = coords.add(unit.mul(shift).scatterAdd(axis, n, senders));
            Node aggregate = m.scatterAdd(axis, n, senders);
            Node hidden = layer.node1().addBias(p, layer.node1().applyToRows(p, h, 0, hd)
                    .add(layer.node1().applyToRows(p, aggregate, hd, 2 * hd)));
            h = h.add(layer.node2().apply(p, Activations.silu(hidden)));
        }
        Node f = coords.sub(y);
        return f.sub(f.meanKeep(axis));
    }

    /** A per-sample scalar [...] as a feature column of one (broadcast) node: [..., 1, 1]. */
    private static Node asNodeFeature(Node s) {
        int[] dims = java.util.Arrays.copyOf(s.shape().dims(), s.rank() + 2);
        dims[s.rank()] = 1;
        dims[s.rank() + 1] = 1;
        return s.reshape(dims);
    }

    /** y_i − y_j for every pair, [..., pairs, spatial]. */
    private Node differences(Node coords, int axis) {
        return coords.gather(axis, senders).sub(coords.gather(axis, receivers));
    }

    private static Node squaredLengths(Node diff) { return diff.square().sumKeep(-1); }

    /** Node values [..., n, c] taken per pair; a node axis of size 1 (all nodes alike) just broadcasts. */
    private static Node perPair(Node nodeValues, int[] index, int axis) {
        return nodeValues.shape().dim(axis) == 1 ? nodeValues : nodeValues.gather(axis, index);
    }
}
