package io.pitaj.workflows;

/**
 * Where a rung's child workflow is, as its query returns it: the stage running, and how many of its stages are done
 * and the target-energy evaluations they spent (the ladder counts them only when the whole rung returns).
 */
public record RungProgress(String stage, int stagesDone, long energyEvaluations) {}
