package io.pitaj.models.nets;

import io.pitaj.models.nn.ParameterSet;
import java.util.SplittableRandom;

/** The architecture and sizes of a backbone; {@link #build} registers its parameters, initialised from {@code rng}. */
public sealed interface BackboneConfig permits MlpConfig, EgnnConfig, DitConfig {
    /** The shape of one sample's y, e.g. [13, 3] for LJ-13 or [2] for a 2-D toy. */
    int[] sampleShape();

    /** The architecture's short name: mlp, egnn or dit. */
    String kind();

    /** Dropout rate during training; 0 for architectures without dropout. */
    default double dropout() { return 0; }

    /** Whether β (the conditioning inverse temperature) enters the network. */
    boolean betaConditioned();

    Backbone build(ParameterSet params, SplittableRandom rng);

    /** Number of coordinates of one sample. */
    default int sampleSize() {
        int n = 1;
        for (int d : sampleShape()) n *= d;
        return n;
    }
}
