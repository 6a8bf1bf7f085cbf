package io.pitaj.models.nets;

import io.pitaj.models.nn.ParameterSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The toy-system backbone: an MLP on the flattened sample with sinusoidal embeddings of c_noise (and β) appended to
 * its input.
 *
 * @param shape            one sample's shape, e.g. [2] for a 2-D mixture
 * @param hidden           width of the hidden layers
 * @param layers           number of hidden layers (each Linear + SiLU)
 * @param embeddingDim     sinusoidal features per conditioning scalar (even)
 * @param betaConditioned  whether β is embedded and appended too
 */
public record MlpConfig(List<Integer> shape, int hidden, int layers, int embeddingDim, boolean betaConditioned)
        implements BackboneConfig {
    public MlpConfig {
        shape = List.copyOf(shape);
        if (shape.isEmpty() || shape.stream().anyMatch(d -> d < 1)) throw new IllegalArgumentException("bad sample shape " + shape);
        if (hidden < 1 || layers < 1) throw new IllegalArgumentException("MLP needs at least one hidden layer of width ≥ 1");
        if (embeddingDim < 2 || embeddingDim % 2 != 0) {
            throw new IllegalArgumentException("embedding dimension must be even and ≥ 2, got " + embeddingDim);
        }
    }

    /** The CPU toy configuration of pita-algorithm.md §6 (3 hidden layers × 64, 32 features per scalar). */
    public static MlpConfig toy(int dim, boolean betaConditioned) {
        return new MlpConfig(List.of(dim), 64, 3, 32, betaConditioned);
    }

    @Override public String kind() { return "mlp"; }

    @Override public int[] sampleShape() { return shape.stream().mapToInt(Integer::intValue).toArray(); }

    @Override public Backbone build(ParameterSet params, SplittableRandom rng) { return new MlpBackbone(this, params, rng); }
}
