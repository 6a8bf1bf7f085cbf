package io.pitaj.models.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EffectiveSampleSizeTest {
    @Test
    void kishAndTheClippedReverseFraction() {
        double[] equal = new double[10];
        assertEquals(10, EffectiveSampleSize.kish(equal), 1e-12);
        assertEquals(1, EffectiveSampleSize.reverseFraction(equal, 1e-4), 1e-12);
        // one of 10 000 weights is e^20: unclipped the ESS collapses to about 1; clipping the top 1e-4 restores N
        double[] spike = new double[10_000];
        spike[3] = 20;
        assertEquals(1, EffectiveSampleSize.kish(spike), 0.01);
        assertEquals(1, EffectiveSampleSize.reverseFraction(spike, 1e-4), 1e-12);
        assertEquals(1e-4, EffectiveSampleSize.reverseFraction(spike, 0), 1e-6);
        assertEquals(10.0 / 40, EffectiveSampleSize.perEvaluation(equal, 40), 1e-12);
    }
}
