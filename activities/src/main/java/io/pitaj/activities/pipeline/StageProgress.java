package io.pitaj.activities.pipeline;

/**
 * A stage's position as its heartbeat carries it: {@code done} of {@code total} units (steps, samples), a detail
 * for people, and for training the store key of the newest uploaded checkpoint, from which a retry resumes.
 */
public record StageProgress(String stage, long done, long total, String detail, String checkpointKey) {
    public double fraction() { return total <= 0 ? 0 : Math.min(1, (double) done / total); }
}
