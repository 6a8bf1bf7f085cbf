package io.pitaj.activities.pipeline;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.util.Optional;

/**
 * What a stage needs from the activity it runs in: its attempt number, a heartbeat carrying its position, and the
 * last heartbeat of a previous attempt (to resume from). Inside an activity it is Temporal's context; tests and the
 * CLI's standalone stages use {@link #standalone()}.
 */
public interface StageContext {
    int attempt();

    /** Reports liveness and where the stage is; throws if the activity was cancelled. */
    void heartbeat(StageProgress progress);

    /** The last progress a previous attempt reported, if any. */
    Optional<StageProgress> previousProgress();

    /** The context of the activity this thread is executing; its heartbeats carry the ETA at this attempt's pace. */
    static StageContext ofActivity() {
        ActivityExecutionContext c = Activity.getExecutionContext();
        StagePace pace = new StagePace();
        return new StageContext() {
            @Override
            public int attempt() { return c.getInfo().getAttempt(); }

            @Override
            public void heartbeat(StageProgress progress) { c.heartbeat(pace.stamp(progress, System.nanoTime())); }

            @Override
            public Optional<StageProgress> previousProgress() { return c.getHeartbeatDetails(StageProgress.class); }
        };
    }

    /** Outside Temporal: first attempt, heartbeats dropped. */
    static StageContext standalone() {
        return new StageContext() {
            @Override
            public int attempt() { return 1; }

            @Override
            public void heartbeat(StageProgress progress) {}

            @Override
            public Optional<StageProgress> previousProgress() { return Optional.empty(); }
        };
    }
}
