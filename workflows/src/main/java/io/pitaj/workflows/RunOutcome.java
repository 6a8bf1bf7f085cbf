package io.pitaj.workflows;

import io.pitaj.activities.pipeline.StageResult;

/**
 * How a run ended: the report stage's result (report.md, report.html, metrics.json, plots), the number of stages and
 * how many of them were reused from the store instead of computed, and the target-energy evaluations of the run.
 */
public record RunOutcome(StageResult report, int stages, int reused, long energyEvaluations) {}
