package io.pitaj.activities.pipeline;

/**
 * A stage's position as its heartbeat carries it: {@code done} of {@code total} units (steps, samples) of this stage,
 * a detail for people, for training the store key of the newest uploaded checkpoint (from which a retry resumes),
 * and the seconds left at this attempt's pace so far, null until there is a pace. Stages leave the ETA to
 * {@link StageContext}, which stamps it ({@link StagePace}); clients read it from the pending activity's details.
 */
public record StageProgress(String stage, long done, long total, String detail, String checkpointKey, Double etaSeconds) {
    public StageProgress(String stage, long done, long total, String detail, String checkpointKey) {
        this(stage, done, total, detail, checkpointKey, null);
    }

    public double fraction() { return total <= 0 ? 0 : Math.min(1, (double) done / total); }

    StageProgress withEtaSeconds(Double seconds) { return new StageProgress(stage, done, total, detail, checkpointKey, seconds); }
}
