package io.pitaj.models.nets;

import io.pitaj.models.graph.Node;
import io.pitaj.models.nn.Activations;
import io.pitaj.models.nn.BoundParameters;
import io.pitaj.models.nn.Dropout;
import io.pitaj.models.nn.Embeddings;
import io.pitaj.models.nn.Linear;
import io.pitaj.models.nn.ParameterSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * F(c_noise, y, β) = MLP([flatten(y), emb(c_noise), emb(β)]) reshaped to y's shape, with SiLU hidden layers and a
 * zero-initialised output layer, so that an untrained model is the exact denoiser of unit-variance data
 * (D = c_skip·x), as the DiT's is.
 */
final class MlpBackbone implements Backbone {
    private final MlpConfig config;
    private final List<Linear> hidden = new ArrayList<>();
    private final Linear output;

    MlpBackbone(MlpConfig config, ParameterSet params, SplittableRandom rng) {
        this.config = config;
        int d = config.sampleSize();
        int width = d + config.embeddingDim() * (config.betaConditioned() ? 2 : 1);
        for (int i = 0; i < config.layers(); i++) {
            hidden.add(new Linear(params, "mlp/" + i, width, config.hidden(), rng));
            width = config.hidden();
        }
        output = Linear.zeroInitialised(params, "mlp/out", width, d);
    }

    @Override public MlpConfig config() { return config; }

    @Override public Node apply(BoundParameters p, Node cNoise, Node y, Node beta, Dropout dropout) {
        Backbone.checkInputs(config, cNoise, y, beta);
        int lead = cNoise.rank();
        int[] flat = java.util.Arrays.copyOf(y.shape().dims(), lead + 1);
        flat[lead] = config.sampleSize();
        Node h = Node.concat(-1, beta == null
                ? new Node[] {y.reshape(flat), embed(cNoise)}
                : new Node[] {y.reshape(flat), embed(cNoise), embed(beta)});
        for (Linear layer : hidden) h = Activations.silu(layer.apply(p, h));
        return output.apply(p, h).reshape(y.shape());
    }

    private Node embed(Node s) { return Embeddings.timestep(s, config.embeddingDim(), Embeddings.MAX_PERIOD); }
}
