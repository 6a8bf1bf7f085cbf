package io.pitaj.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.activities.pipeline.StageProgress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a run's progress combines the queries with the pending activities' heartbeats. */
class LiveProgressTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final RunProgress LADDER = new RunProgress(1, "rung 1", 7, 22, 1000, 0, false);
    private static final RungProgress RUNG = new RungProgress("rung 2: anneal", 2, 300);

    private static ActivityProgress shard(int shard, long done, Double eta, boolean started) {
        return ActivityProgress.of("rung-2/anneal/shard-" + shard, started, new StageProgress("rung-2/anneal/shard-" + shard, done, 100, "ESS 50", null, eta),
                T0, T0);
    }

    @Test
    void anEtaIsAgedByTheTimeSinceItsHeartbeatReachedTheServer() {
        StageProgress last = new StageProgress("rung-1/train", 40, 100, "loss 0.5", null, 120.0);
        assertEquals(90.0, ActivityProgress.of("rung-1/train", true, last, T0, T0.plusSeconds(30)).etaSeconds(), 1e-9);
        assertEquals(0.0, ActivityProgress.of("rung-1/train", true, last, T0, T0.plusSeconds(500)).etaSeconds(), "never below 0");
        assertNull(ActivityProgress.of("rung-1/train", true, new StageProgress("rung-1/train", 0, 100, "", null), T0, T0).etaSeconds());
        assertNull(ActivityProgress.of("Evaluate", true, null, T0, T0).etaSeconds(), "a stage without heartbeats");
    }

    @Test
    void theRungsQueryAddsItsStagesAndNamesTheStage() {
        LiveProgress p = new LiveProgress(LADDER, RUNG, List.of());
        assertEquals("rung 2: anneal", p.stage());
        assertEquals(9, p.stagesDone());
        assertEquals(1300, p.energyEvaluations());
        assertTrue(p.stagePercent().isEmpty() && p.etaSeconds().isEmpty(), "no activity has reported");
        assertEquals("rung 1", new LiveProgress(LADDER, null, List.of()).stage());
    }

    @Test
    void shardsMakeOneStageThatEndsWithItsSlowestRunningShard() {
        LiveProgress p = new LiveProgress(LADDER, RUNG, List.of(shard(0, 60, 40.0, true), shard(1, 20, 160.0, true), shard(2, 0, null, false)));
        assertEquals(100 * (0.6 + 0.2 + 0) / 3, p.stagePercent().getAsDouble(), 1e-9);
        assertEquals(160.0, p.etaSeconds().getAsDouble(), 1e-9);
        assertEquals(1, p.waiting());
    }

    @Test
    void aRunningShardWithoutAPaceYetLeavesTheEtaUnknown() {
        LiveProgress p = new LiveProgress(LADDER, RUNG, List.of(shard(0, 60, 40.0, true), shard(1, 0, null, true)));
        assertTrue(p.etaSeconds().isEmpty());
        assertEquals(30.0, p.stagePercent().getAsDouble(), 1e-9);
    }

    @Test
    void aFinishedRunIsAtItsEnd() {
        LiveProgress p = new LiveProgress(new RunProgress(2, "done", 22, 22, 5000, 0, true), null, List.of());
        assertEquals(100.0, p.stagePercent().getAsDouble());
        assertEquals(0.0, p.etaSeconds().getAsDouble());
    }
}
