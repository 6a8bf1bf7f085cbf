package io.pitaj.models.nets;

import io.pitaj.models.nn.ParameterSet;
import java.util.SplittableRandom;

/**
 * The diffusion transformer of pita-algorithm.md §2.2 (the reference's DIT3D): atoms are tokens, adaLN-Zero blocks
 * with rotary self-attention, conditioned on c_noise (and β).
 *
 * @param atoms           tokens (22 for ALDP, 33 for AL3)
 * @param spatialDim      coordinates per atom (3)
 * @param hidden          token width (192)
 * @param blocks          transformer blocks (6)
 * @param heads           attention heads (6, so 32 channels each)
 * @param condDim         conditioning width (64)
 * @param mlpRatio        MLP expansion (4: 192 → 768 → 192)
 * @param frequencyDim    sinusoidal features of each conditioning scalar (256)
 * @param betaConditioned whether a second embedder adds β to the conditioning (off for the peptide runs)
 * @param dropout         dropout rate on the attention and MLP outputs during training (0.1)
 */
public record DitConfig(int atoms, int spatialDim, int hidden, int blocks, int heads, int condDim, int mlpRatio,
                        int frequencyDim, boolean betaConditioned, double dropout) implements BackboneConfig {
    public DitConfig {
        if (atoms < 1 || spatialDim < 1 || hidden < 1 || blocks < 1 || heads < 1 || condDim < 1 || mlpRatio < 1) {
            throw new IllegalArgumentException("DiT sizes must be positive");
        }
        if (hidden % heads != 0 || (hidden / heads) % 2 != 0) {
            throw new IllegalArgumentException("hidden " + hidden + " must split into " + heads + " heads of even width");
        }
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        if (frequencyDim < 2 || frequencyDim % 2 != 0) {
            throw new IllegalArgumentException("frequency dimension must be even, got " + frequencyDim);
        }
    }

    public static final double REFERENCE_DROPOUT = 0.1;

    /** PITA's peptide configuration: 6 blocks × 192, 6 heads, conditioning 64, not β-conditioned (≈ 3.2 M parameters). */
    public static DitConfig reference(int atoms) { return reference(atoms, 3); }

    /** The peptide configuration for tokens of another dimension. */
    public static DitConfig reference(int atoms, int spatialDim) {
        return new DitConfig(atoms, spatialDim, 192, 6, 6, 64, 4, 256, false, REFERENCE_DROPOUT);
    }

    @Override public String kind() { return "dit"; }

    @Override public int[] sampleShape() { return new int[] {atoms, spatialDim}; }

    @Override public Backbone build(ParameterSet params, SplittableRandom rng) { return new Dit(this, params, rng); }
}
