package io.pitaj.activities.pipeline;

import io.pitaj.activities.provenance.ArtifactRef;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** Metrics, plots and the run report. CPU queue. */
@ActivityInterface
public interface EvaluationActivities {
    /**
     * Rung {@code rung}'s samples judged: ESS and budget always, {@code pita eval}'s metrics against the reference
     * when the rung is at the target temperature; its plots.
     */
    @ActivityMethod
    StageResult evaluate(RunRequest run, int rung, ArtifactRef samples, ArtifactRef reference, ArtifactRef model);

    /** The report of the whole run from every stage's result (report.md, report.html, plots, metrics.json). */
    @ActivityMethod
    StageResult report(RunRequest run, List<StageResult> stages);
}
