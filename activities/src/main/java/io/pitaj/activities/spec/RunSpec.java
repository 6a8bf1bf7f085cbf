package io.pitaj.activities.spec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What a PITA run does, as YAML a user can print ({@code pita run --preset P --print-spec}), edit and pass back
 * ({@code --spec F.yaml}): the system, the temperature ladder hot → target, how the hot data are made, the
 * networks, training per rung, annealing per rung, relaxation, and the reference the final rung is judged
 * against. {@link RunSpecs} reads, validates and writes it; {@link Presets} holds the named ones.
 *
 * @param system a system of the catalogue, or a Gaussian-mixture JSON file
 * @param ladder temperatures, hottest first, strictly decreasing, the last is the target
 */
@JsonPropertyOrder({"name", "system", "seed", "ladder", "hot", "network", "training", "anneal", "relax", "reference"})
public record RunSpec(String name, String system, long seed, List<Double> ladder, Hot hot, Network network, Training training, Anneal anneal,
                      Relax relax, Reference reference) {
    /**
     * Hot data at the first rung by a chain sampler ({@code mala|hmc|nuts|md|pt}) or exact draws, split into
     * {@code shards} activities of samples/shards each (seeds derived per shard).
     */
    @JsonPropertyOrder({"method", "samples", "chains", "warmup", "thin", "step", "shards"})
    public record Hot(String method, int samples, int chains, Integer warmup, int thin, Double step, int shards) {}

    /** The backbone of both networks: {@code mlp|egnn|dit} (null: the system's reference), a size preset and overrides. */
    @JsonPropertyOrder({"arch", "size", "hidden", "layers", "heads"})
    public record Network(String arch, String size, Integer hidden, Integer layers, Integer heads) {}

    /**
     * @param steps optimiser steps of each rung's model, one per rung but the target (whose samples come from the
     *              rung above): rung 0 from fresh weights, every later rung continuing from the previous one's
     * @param batch samples per step, null for the system's reference batch
     */
    @JsonPropertyOrder({"steps", "batch", "checkpoint_every", "train_on_all_rungs"})
    public record Training(List<Long> steps, Integer batch, int checkpointEvery, boolean trainOnAllRungs) {
        /** The step count rung {@code k}'s training runs to: the previous rungs' steps plus its own. */
        public long cumulativeSteps(int k) {
            long total = 0;
            for (int i = 0; i <= k; i++) total += steps.get(i);
            return total;
        }
    }

    /** Feynman–Kac annealing from each rung's model to the next temperature (γ = T_k / T_k+1), in {@code shards} activities. */
    @JsonPropertyOrder({"particles", "steps", "weights", "clip", "resampler", "resample_until", "ess_threshold", "final_snis", "chunk", "shards"})
    public record Anneal(int particles, int steps, String weights, String clip, String resampler, Integer resampleUntil, Double essThreshold,
                         Boolean finalSnis, int chunk, int shards) {}

    /** Relaxation of every annealed set at its temperature: {@code steps} of {@code mala|md} (0: none). */
    @JsonPropertyOrder({"steps", "method", "step"})
    public record Relax(int steps, String method, Double step) {}

    /** The reference set at the target temperature: {@code exact|pt|md} with the chain settings of {@code pita reference}. */
    @JsonPropertyOrder({"method", "samples", "chains", "warmup", "thin"})
    public record Reference(String method, int samples, int chains, Integer warmup, int thin) {}

    public double hotTemperature() { return ladder.get(0); }

    public double targetTemperature() { return ladder.get(ladder.size() - 1); }

    /** Rungs 0 … n−1, one per temperature. */
    public int rungs() { return ladder.size(); }
}
