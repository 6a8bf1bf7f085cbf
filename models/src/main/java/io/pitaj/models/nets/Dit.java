package io.pitaj.models.nets;

import io.pitaj.models.graph.Node;
import io.pitaj.models.nn.Activations;
import io.pitaj.models.nn.BoundParameters;
import io.pitaj.models.nn.Dropout;
import io.pitaj.models.nn.Embeddings;
import io.pitaj.models.nn.Init;
import io.pitaj.models.nn.LayerNorm;
import io.pitaj.models.nn.Linear;
import io.pitaj.models.nn.MultiHeadAttention;
import io.pitaj.models.nn.ParameterSet;
import io.pitaj.models.nn.RotaryEmbedding;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The DiT of {@link DitConfig}. Tokens are the atoms' coordinates through Linear(3 → C); the conditioning is
 * c = SiLU(E_t(c_noise) [+ E_β(β)]), each E a sinusoidal embedding → Linear → SiLU → Linear. Each block is
 * adaLN-Zero: a zero-initialised Linear(c) gives (shift, scale, gate) for attention and for the MLP;
 * x += gate·Attn(LN(x)·(1 + scale) + shift) with bias-free q/k/v/output projections and rotary q, k; then
 * x += gate·MLP(…) with tanh-GELU. LayerNorms have a weight and no bias. The final layer (LN, adaLN shift/scale,
 * Linear(C → 3)) is zero-initialised, so F ≡ 0 until trained. Dropout (training only) acts on the attention and MLP outputs before
 * their gates, as in the reference's bias-dropout-add.
 */
final class Dit implements Backbone {
    private final DitConfig config;
    private final Linear tokens;
    private final Embedder time;
    private final Embedder beta;
    private final List<Block> blocks = new ArrayList<>();
    private final String finalNorm;
    private final Linear finalModulation;
    private final Linear output;

    /** Sinusoidal features → Linear → SiLU → Linear (the reference's TimestepEmbedder). */
    private record Embedder(Linear in, Linear out, int frequencies) {
        Node apply(BoundParameters p, Node s) {
            Node f = Embeddings.timestep(s, frequencies, Embeddings.MAX_PERIOD);
            return out.apply(p, Activations.silu(in.apply(p, f)));
        }
    }

    private record Block(String norm1, Linear qkv, Linear attnOut, String norm2, Linear fc1, Linear fc2,
                         Linear modulation) {}

    Dit(DitConfig config, ParameterSet params, SplittableRandom rng) {
        this.config = config;
        int c = config.hidden(), cond = config.condDim();
        tokens = new Linear(params, "dit/tokens", config.spatialDim(), c, rng);
        time = embedder(params, "dit/time", rng);
        beta = config.betaConditioned() ? embedder(params, "dit/beta", rng) : null;
        for (int b = 0; b < config.blocks(); b++) {
            String name = "dit/block" + b + "/";
            blocks.add(new Block(
                    norm(params, name + "norm1"),
                    Linear.biasFree(params, name + "qkv", c, 3 * c, rng),
                    Linear.biasFree(params, name + "attn_out", c, c, rng),
                    norm(params, name + "norm2"),
                    new Linear(params, name + "fc1", c, config.mlpRatio() * c, rng),
                    new Linear(params, name + "fc2", config.mlpRatio() * c, c, rng),
                    Linear.zeroInitialised(params, name + "modulation", cond, 6 * c)));
        }
        finalNorm = norm(params, "dit/final/norm");
        finalModulation = Linear.zeroInitialised(params, "dit/final/modulation", cond, 2 * c);
        output = Linear.zeroInitialised(params, "dit/final/out", c, config.spatialDim());
    }

    private Embedder embedder(ParameterSet params, String name, SplittableRandom rng) {
        return new Embedder(new Linear(params, name + "/in", config.frequencyDim(), config.condDim(), rng),
                new Linear(params, name + "/out", config.condDim(), config.condDim(), rng), config.frequencyDim());
    }

    private String norm(ParameterSet params, String name) {
        return params.add(name + "/weight", new int[] {config.hidden()}, Init.constant(1), null).name();
    }

    @Override public DitConfig config() { return config; }

    @Override public Node apply(BoundParameters p, Node cNoise, Node y, Node betaValue, Dropout dropout) {
        Backbone.checkInputs(config, cNoise, y, betaValue);
        int c = config.hidden();
        Node cond = time.apply(p, cNoise);
        if (beta != null) cond = cond.add(beta.apply(p, betaValue));
        cond = Activations.silu(cond);
        Node x = tokens.apply(p, y);
        for (Block b : blocks) {
            List<Node> mod = chunks(b.modulation().apply(p, cond), 6, c);
            Node a = modulate(norm(p, b.norm1(), x), mod.get(0), mod.get(1));
            Node qkv = b.qkv().apply(p, a);
            Node q = heads(qkv.slice(-1, 0, c)), k = heads(qkv.slice(-1, c, 2 * c)), v = heads(qkv.slice(-1, 2 * c, 3 * c));
            Node attention = MultiHeadAttention.combine(MultiHeadAttention.attendHeadMajor(
                    RotaryEmbedding.applyHeadMajor(q, RotaryEmbedding.DEFAULT_BASE),
                    RotaryEmbedding.applyHeadMajor(k, RotaryEmbedding.DEFAULT_BASE), v));
            x = x.add(mod.get(2).mul(dropout.apply(b.attnOut().apply(p, attention))));
            Node m = modulate(norm(p, b.norm2(), x), mod.get(3), mod.get(4));
            x = x.add(mod.get(5).mul(dropout.apply(b.fc2().apply(p, Activations.gelu(b.fc1().apply(p, m))))));
        }
        List<Node> fin = chunks(finalModulation.apply(p, cond), 2, c);
        return output.apply(p, modulate(norm(p, finalNorm, x), fin.get(0), fin.get(1)));
    }

    /** [..., T, C] → head-major [..., H, T, C/H]. */
    private Node heads(Node x) { return MultiHeadAttention.headMajor(MultiHeadAttention.split(x, config.heads())); }

    private static Node norm(BoundParameters p, String weight, Node x) {
        return LayerNorm.apply(x, LayerNorm.DEFAULT_EPS, p.get(weight), null);
    }

    /** x·(1 + scale) + shift. */
    private static Node modulate(Node x, Node shift, Node scale) { return x.mul(scale.add(1)).add(shift); }

    /** A per-sample modulation [..., parts·c] as {@code parts} slices [..., 1, c] that broadcast over the tokens. */
    private static List<Node> chunks(Node modulation, int parts, int c) {
        int r = modulation.rank();
        int[] dims = java.util.Arrays.copyOf(modulation.shape().dims(), r + 1);
        dims[r - 1] = 1;
        dims[r] = parts * c;
        Node m = modulation.reshape(dims);
        List<Node> out = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) out.add(m.slice(-1, i * c, (i + 1) * c));
        return out;
    }
}
