package io.pitaj.models.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShardsTest {
    @Test
    void splitsEvenlyWithSeedsThatDependOnlyOnRunSeedAndIndex() {
        List<Shards.Shard> s = Shards.split(10, 3, 42);
        assertEquals(List.of(4, 3, 3), s.stream().map(Shards.Shard::particles).toList());
        assertEquals(Shards.split(100, 7, 42).get(1).seed(), s.get(1).seed());
        assertNotEquals(s.get(0).seed(), s.get(1).seed());
        assertNotEquals(Shards.split(10, 3, 43).get(1).seed(), s.get(1).seed());
    }

    @Test
    void mergeWeighsShardsByTheirNormalisingConstants() {
        // shard A (2 particles, Ẑ = 1) and shard B (1 particle, Ẑ = 4): masses 2·1 and 1·4
        Population a = new Population(new double[] {0, 1}, new double[] {0, 0}, 0, new EvaluationCounts(1, 2, 3));
        Population b = new Population(new double[] {2}, new double[] {0}, Math.log(4), new EvaluationCounts(10, 20, 30));
        Population m = Shards.merge(List.of(a, b));
        double[] p = LogWeights.probabilities(m.logWeights());
        assertEquals(1.0 / 6, p[0], 1e-12);
        assertEquals(1.0 / 6, p[1], 1e-12);
        assertEquals(4.0 / 6, p[2], 1e-12);
        assertEquals(Math.log(6.0 / 3), m.logNormaliser(), 1e-12);
        assertEquals(new EvaluationCounts(11, 22, 33), m.counts());
        assertEquals(0, LogWeights.logMeanExp(m.logWeights()), 1e-12);
    }
}
