package io.pitaj.workflows;

/**
 * Where a run is, as its query returns it: the rung and stage running, stages done of the run's total, the
 * target-energy evaluations spent so far, and when the run (this workflow segment's first start) began, from which
 * a client derives the ETA.
 */
public record RunProgress(int rung, String stage, int stagesDone, int stagesTotal, long energyEvaluations, long startedMillis, boolean finished) {
    public double fraction() { return stagesTotal == 0 ? 0 : (double) stagesDone / stagesTotal; }
}
