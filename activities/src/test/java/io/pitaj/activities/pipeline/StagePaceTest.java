package io.pitaj.activities.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The ETA a heartbeat carries: remaining units at the pace since the attempt's first heartbeat. */
class StagePaceTest {
    private static final long SECOND_NS = 1_000_000_000L;

    private static StageProgress at(long done, long total) { return new StageProgress("rung-1/train", done, total, "", null); }

    @Test
    void theEtaIsTheRemainingUnitsAtThePaceSinceTheFirstHeartbeat() {
        StagePace pace = new StagePace();
        assertNull(pace.stamp(at(0, 1000), 5 * SECOND_NS).etaSeconds(), "no pace from a single heartbeat");
        // 100 steps in 20 s: 5 steps/s, so 900 steps take 180 s
        assertEquals(180.0, pace.stamp(at(100, 1000), 25 * SECOND_NS).etaSeconds(), 1e-9);
        // 400 steps in 60 s: 600 left take 90 s
        assertEquals(90.0, pace.stamp(at(400, 1000), 65 * SECOND_NS).etaSeconds(), 1e-9);
        assertEquals(0.0, pace.stamp(at(1000, 1000), 70 * SECOND_NS).etaSeconds());
    }

    @Test
    void aResumedAttemptIsTimedFromWhereItResumedNotFromZero() {
        StagePace pace = new StagePace();
        pace.stamp(at(600, 1000), 0);
        // 100 steps in 10 s after resuming at 600: 300 left take 30 s (counting from 0 would say 4.3 s)
        assertEquals(30.0, pace.stamp(at(700, 1000), 10 * SECOND_NS).etaSeconds(), 1e-9);
    }

    @Test
    void aNewPhaseOrACountThatWentBackStartsTheMeasurementAgain() {
        StagePace pace = new StagePace();
        pace.stamp(at(0, 200), 0);
        assertEquals(10.0, pace.stamp(at(100, 200), 10 * SECOND_NS).etaSeconds(), 1e-9);
        assertNull(pace.stamp(at(0, 5000), 11 * SECOND_NS).etaSeconds(), "a new total: the old pace says nothing about it");
        assertEquals(499.0, pace.stamp(at(10, 5000), 12 * SECOND_NS).etaSeconds(), 1e-9);
        assertNull(pace.stamp(at(5, 5000), 13 * SECOND_NS).etaSeconds(), "a count that went back");
    }

    @Test
    void secondsLeftKnowsWhenThereIsNoPace() {
        assertNull(StagePace.secondsLeft(0, 0, 10));
        assertNull(StagePace.secondsLeft(5, 0, 10), "time passed but nothing done");
        assertEquals(0.0, StagePace.secondsLeft(0, 0, 0), "nothing left needs no pace");
        assertEquals(2.5, StagePace.secondsLeft(10, 4, 1), 1e-12);
    }
}
