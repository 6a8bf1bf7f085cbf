package io.pitaj.models.nets;

import io.pitaj.models.nn.ParameterSet;
import java.util.SplittableRandom;

/**
 * The E(n)-equivariant graph network of pita-algorithm.md §2.1 ("EGNN from Equivariant Flow Matching", as PITA runs
 * it for LJ-13): fully connected ordered pairs, SiLU, residual node updates, attention gate, tanh coordinate gate,
 * sum aggregation.
 *
 * @param particles       n
 * @param spatialDim      coordinates per particle (3; 2 for DW-4)
 * @param hidden          node and message width (32 in the reference)
 * @param layers          E_GCL layers (3 in the reference)
 * @param coordsRange     total coordinate range; each layer's tanh gate is scaled by coordsRange/layers (15/3 = 5)
 * @param betaConditioned whether each node's input features are [c_noise, β] (else [c_noise])
 */
public record EgnnConfig(int particles, int spatialDim, int hidden, int layers, double coordsRange,
                         boolean betaConditioned) implements BackboneConfig {
    public EgnnConfig {
        if (particles < 2 || spatialDim < 1 || hidden < 1 || layers < 1 || !(coordsRange > 0)) {
            throw new IllegalArgumentException("EGNN needs ≥ 2 particles, positive sizes and a positive coordinate range");
        }
    }

    /** PITA's LJ-13 configuration: 32 hidden, 3 layers, range 15, β-conditioned (≈ 22.5 k parameters). */
    public static EgnnConfig reference(int particles, int spatialDim) {
        return new EgnnConfig(particles, spatialDim, 32, 3, 15, true);
    }

    @Override public String kind() { return "egnn"; }

    @Override public int[] sampleShape() { return new int[] {particles, spatialDim}; }

    @Override public Backbone build(ParameterSet params, SplittableRandom rng) { return new Egnn(this, params, rng); }
}
