package io.pitaj.activities.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Heartbeat details through Temporal's default converter, as a retried attempt and a progress client read them. */
class StageProgressTest {
    private static final DataConverter CONVERTER = DefaultDataConverter.newDefaultInstance();

    private static StageProgress roundTrip(Object details) {
        Payloads p = CONVERTER.toPayloads(details).orElseThrow();
        return CONVERTER.fromPayloads(0, Optional.of(p), StageProgress.class, StageProgress.class);
    }

    @Test
    void theEtaTravelsWithTheHeartbeat() {
        StageProgress sent = new StageProgress("rung-1/train", 40, 100, "loss 0.5", "runs/r/k/checkpoints/c40", 12.5);
        assertEquals(sent, roundTrip(sent));
    }

    /** A heartbeat of a worker built before the ETA existed, as a new worker resuming its stage reads it. */
    record Older(String stage, long done, long total, String detail, String checkpointKey) {}

    @Test
    void detailsWithoutAnEtaReadBackWithNone() {
        StageProgress read = roundTrip(new Older("rung-1/train", 40, 100, "checkpoint", "runs/r/k/checkpoints/c40"));
        assertEquals("runs/r/k/checkpoints/c40", read.checkpointKey());
        assertNull(read.etaSeconds());
    }
}
