package io.pitaj.workflows;

import io.pitaj.activities.spec.RunSpec;

/**
 * Where a run is, as the ladder's query returns it: the rung being trained and the stage running, stages done of the
 * run's total and the target-energy evaluations they spent, and when the run (its first workflow segment) began.
 * While a rung runs, its child workflow knows more ({@link RungProgress}), and only the pending activities' heartbeats
 * know the running stage's percent and ETA; {@link RunProgressProbe} puts the three together.
 */
public record RunProgress(int rung, String stage, int stagesDone, int stagesTotal, long energyEvaluations, long startedMillis, boolean finished) {
    /** Stages of a whole run: hot shards, their merge, the reference, rung 0's evaluation, per further rung 4 + S, the report. */
    public static int stagesOf(RunSpec spec) {
        return spec.hot().shards() + 3 + (spec.rungs() - 1) * (4 + spec.anneal().shards()) + 1;
    }
}
