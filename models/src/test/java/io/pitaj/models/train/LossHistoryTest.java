package io.pitaj.models.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LossHistoryTest {
    @Test
    void blockMeansEndAtTheirLastStepAndThePartialBlockCounts() {
        LossHistory h = new LossHistory(3);
        for (int t = 1; t <= 7; t++) h.add(t, t, Map.of("a", 2.0 * t));
        assertEquals(2, h.curve().steps().length, "two complete blocks before finish");
        LossCurve c = h.finish();
        assertArrayEquals(new long[] {3, 6, 7}, c.steps());
        assertArrayEquals(new double[] {2, 5, 7}, c.total(), 1e-15);
        assertArrayEquals(new double[] {4, 10, 14}, c.terms().get("a"), 1e-15);
    }

    @Test
    void aTermSeenLateHasGapsUntilItAppears() {
        LossHistory h = new LossHistory(1);
        h.add(1, 1, Map.of("a", 1.0));
        h.add(2, 1, Map.of("a", 1.0, "b", 5.0));
        double[] b = h.finish().terms().get("b");
        assertTrue(Double.isNaN(b[0]));
        assertEquals(5, b[1]);
    }

    @Test
    void longRunsKeepAboutTheTargetNumberOfPoints() {
        LossHistory h = LossHistory.forSteps(100_000);
        for (int t = 1; t <= 100_000; t++) h.add(t, 1, Map.of());
        assertEquals(LossHistory.TARGET_POINTS, h.finish().steps().length);
        assertEquals(1, LossHistory.forSteps(10).curve().blockSteps());
        assertThrows(IllegalArgumentException.class, () -> new LossHistory(0));
    }
}
