package io.pitaj.activities.pipeline;

/**
 * The time a stage has left at the pace of its current attempt: units done since the attempt's first heartbeat over
 * the time since then. Measuring from the first heartbeat, not the attempt's start, leaves out the set-up (downloads,
 * model loading) and the units a resumed attempt did not have to redo. A new total (a stage moving to its next phase)
 * or a count that went back starts the measurement again.
 */
final class StagePace {
    private long firstNanos;
    private long firstDone = -1, firstTotal = -1, lastDone = -1;

    /**
     * {@code progress} with its ETA at the pace so far, as of {@code nowNanos} ({@link System#nanoTime()}). Locked:
     * a stage may heartbeat from several threads.
     */
    synchronized StageProgress stamp(StageProgress progress, long nowNanos) {
        if (firstDone < 0 || progress.total() != firstTotal || progress.done() < lastDone) {
            firstNanos = nowNanos;
            firstDone = progress.done();
            firstTotal = progress.total();
        }
        lastDone = progress.done();
        return progress.withEtaSeconds(secondsLeft((nowNanos - firstNanos) * 1e-9, progress.done() - firstDone, progress.total() - progress.done()));
    }

    /** Seconds for {@code remaining} units at {@code doneSince} units per {@code elapsedSeconds}; null while there is no pace. */
    static Double secondsLeft(double elapsedSeconds, long doneSince, long remaining) {
        if (remaining <= 0) return 0.0;
        if (doneSince <= 0 || !(elapsedSeconds > 0)) return null;
        return elapsedSeconds * remaining / doneSince;
    }
}
