package io.pitaj.workflows;

import java.util.List;
import java.util.OptionalDouble;

/**
 * What a client can know of a running ladder: the ladder's query, the running rung's query (null between rungs) and
 * the run's pending activities with their last heartbeats. The running stage's percent and ETA come from those
 * heartbeats; several activities (shards, the reference beside the hot data) make one stage together.
 */
public record LiveProgress(RunProgress run, RungProgress rung, List<ActivityProgress> activities) {
    public LiveProgress {
        activities = List.copyOf(activities);
    }

    /** The stage running: the rung's while a rung runs, else the ladder's. */
    public String stage() { return rung != null ? rung.stage() : run.stage(); }

    public int stagesDone() { return run.stagesDone() + (rung != null ? rung.stagesDone() : 0); }

    /** Target-energy evaluations of the stages done so far; a running stage's count only arrives with its result. */
    public long energyEvaluations() { return run.energyEvaluations() + (rung != null ? rung.energyEvaluations() : 0); }

    /**
     * Percent of the running stage: the mean of its activities' last reported fractions, 0 for one not reported yet
     * (shards are equal parts of a stage); empty while none reports progress.
     */
    public OptionalDouble stagePercent() {
        if (run.finished()) return OptionalDouble.of(100);
        if (activities.stream().allMatch(a -> a.last() == null)) return OptionalDouble.empty();
        return OptionalDouble.of(100 * activities.stream().mapToDouble(a -> a.last() == null ? 0 : a.last().fraction()).average().orElse(0));
    }

    /**
     * Seconds until the running stage's last started activity ends at each one's own pace; empty while a started one
     * has no ETA yet, or none is started. Activities still waiting for a worker ({@link #waiting()}) are not in it.
     */
    public OptionalDouble etaSeconds() {
        if (run.finished()) return OptionalDouble.of(0);
        List<ActivityProgress> started = activities.stream().filter(ActivityProgress::started).toList();
        if (started.isEmpty() || started.stream().anyMatch(a -> a.etaSeconds() == null)) return OptionalDouble.empty();
        return started.stream().mapToDouble(ActivityProgress::etaSeconds).max();
    }

    /** Activities of the running stage that no worker has started yet. */
    public long waiting() { return activities.stream().filter(a -> !a.started()).count(); }
}
