package io.pitaj.models.sampling;

import java.util.ArrayList;
import java.util.List;

/**
 * One annealing of N particles as S independent runs, so that the pipeline can spread it over workers. Each shard
 * gets its own seed derived from (run seed, shard index) alone, so a worker computes its shard without knowing the
 * others, and a retried shard repeats exactly.
 *
 * <p>Merging is importance sampling across runs: each shard's weights are normalised within the shard and scaled
 * by the shard's share of the normalising constant, N_s·Ẑ_s; the merged population then estimates the same target
 * as one run of N particles (resampling inside a shard only ever mixes that shard's particles).
 */
public final class Shards {
    /** Shard {@code index} of a run: {@code particles} particles drawn with {@code seed}. */
    public record Shard(int index, int particles, long seed) {}

    private Shards() {}

    /** N particles in S shards whose sizes differ by at most one. */
    public static List<Shard> split(int particles, int shards, long seed) {
        if (shards < 1 || shards > particles) {
            throw new IllegalArgumentException("need 1 ≤ shards ≤ particles, got " + shards + " shards of " + particles);
        }
        List<Shard> out = new ArrayList<>(shards);
        for (int s = 0; s < shards; s++) {
            int size = particles / shards + (s < particles % shards ? 1 : 0);
            out.add(new Shard(s, size, shardSeed(seed, s)));
        }
        return out;
    }

    /** The seed of shard {@code index}: SplitMix64's finaliser over the run seed and the index. */
    public static long shardSeed(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The shards' particles as one weighted population (in shard order). */
    public static Population merge(List<Population> shards) {
        if (shards.isEmpty()) throw new IllegalArgumentException("nothing to merge");
        int total = 0, length = 0;
        for (Population p : shards) {
            total += p.size();
            length += p.x().length;
        }
        double[] x = new double[length], logW = new double[total];
        double[] shardLogMass = new double[shards.size()];
        EvaluationCounts counts = EvaluationCounts.NONE;
        int row = 0, at = 0;
        for (int s = 0; s < shards.size(); s++) {
            Population p = shards.get(s);
            double lse = LogWeights.logSumExp(p.logWeights());
            double mass = p.logNormaliser() + Math.log(p.size());
            shardLogMass[s] = mass;
            for (int i = 0; i < p.size(); i++) logW[row + i] = p.logWeights()[i] - lse + mass;
            System.arraycopy(p.x(), 0, x, at, p.x().length);
            row += p.size();
            at += p.x().length;
            counts = counts.plus(p.counts());
        }
        double logMean = LogWeights.logMeanExp(logW);
        for (int i = 0; i < total; i++) logW[i] -= logMean;
        return new Population(x, logW, LogWeights.logSumExp(shardLogMass) - Math.log(total), counts);
    }
}
