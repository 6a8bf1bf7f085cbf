package io.pitaj.models.nets;

import io.pitaj.models.graph.Node;
import io.pitaj.models.nn.BoundParameters;
import io.pitaj.models.nn.Dropout;

/**
 * A network F(c_noise, y, β) → a vector field of y's shape: the trainable core of both the score model and the energy
 * model (pita-algorithm.md §1.3). Implementations are rank-polymorphic: y is [..., per-sample dims] with any number
 * of leading axes (the batch among them), c_noise and β have exactly those leading axes, and the output has y's
 * shape. An architecture object knows parameter names and sizes (registered when it was built from its
 * {@link BackboneConfig}); the values come from the {@link BoundParameters} of whichever network is being built,
 * so one object serves the score network and the energy network, whose parameter sets have the same layout.
 */
public interface Backbone {
    BackboneConfig config();

    /**
     * F(c_noise, y, β), in the element type of y (c_noise and β must have it too; β is null when not conditioned),
     * with {@code dropout} at the architecture's dropout sites (training graphs; {@link Dropout#OFF} elsewhere).
     * Architectures without dropout sites ignore it.
     */
    Node apply(BoundParameters p, Node cNoise, Node y, Node beta, Dropout dropout);

    /** F without dropout: inference. */
    default Node apply(BoundParameters p, Node cNoise, Node y, Node beta) { return apply(p, cNoise, y, beta, Dropout.OFF); }

    /** Checks the common contract: y ends with the sample shape, c_noise (and β) carry exactly y's leading axes. */
    static void checkInputs(BackboneConfig config, Node cNoise, Node y, Node beta) {
        int[] sample = config.sampleShape();
        int lead = y.rank() - sample.length;
        boolean ok = lead >= 1 && cNoise.rank() == lead;
        for (int i = 0; ok && i < sample.length; i++) ok = y.shape().dim(lead + i) == sample[i];
        for (int i = 0; ok && i < lead; i++) ok = cNoise.shape().dim(i) == y.shape().dim(i);
        if (!ok) {
            throw new IllegalArgumentException("backbone input y " + y.shape() + " must be [..., "
                    + java.util.Arrays.toString(sample).replaceAll("[\\[\\]]", "") + "] with c_noise of its leading shape, got c_noise "
                    + cNoise.shape());
        }
        if (config.betaConditioned() != (beta != null)) {
            throw new IllegalArgumentException(config.betaConditioned() ? "this backbone is β-conditioned: pass β"
                    : "this backbone is not β-conditioned: pass no β");
        }
        if (beta != null && !beta.shape().equals(cNoise.shape())) {
            throw new IllegalArgumentException("β " + beta.shape() + " must have c_noise's shape " + cNoise.shape());
        }
    }
}
