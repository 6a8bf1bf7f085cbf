package io.pitaj.models.nets;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Node;
import io.pitaj.models.nn.BoundParameters;
import io.pitaj.models.nn.Dropout;
import io.pitaj.models.nn.ParameterSet;
import java.util.SplittableRandom;

/**
 * The two networks PITA trains and samples with: a score network θ and an energy network φ of one architecture with
 * independent parameters, run in the {@code network} element type.
 */
public record ModelPair(Backbone backbone, ParameterSet score, ParameterSet energy, DType network) {
    public ModelPair {
        if (!score.sameLayout(energy)) throw new IllegalArgumentException("score and energy parameters differ in layout");
        if (!network.isFloat()) throw new IllegalArgumentException("networks run in a float type, not " + network);
    }

    /**
     * A fresh pair whose energy network starts as a copy of the score network (the reference deep-copies it, so both
     * start from the same weights).
     */
    public static ModelPair initialise(BackboneConfig config, long seed, DType network) {
        ParameterSet score = new ParameterSet();
        Backbone backbone = config.build(score, new SplittableRandom(seed));
        return new ModelPair(backbone, score, score.copy(), network);
    }

    /** The backbone at c_in·x with the parameters {@code p} (the score's or the energy's) in this pair's precision. */
    public BackboneCall call(BoundParameters p, Node x, Node h, Node beta) {
        return BackboneCall.of(backbone, p, x, h, beta, network);
    }

    /** The same call with dropout inside the backbone (training). */
    public BackboneCall call(BoundParameters p, Node x, Node h, Node beta, Dropout dropout) {
        return BackboneCall.of(backbone, p, x, h, beta, network, dropout);
    }
}
