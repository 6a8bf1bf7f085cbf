package io.pitaj.worker.running;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long sampling stage on stderr: about one line a second (and one at the end) with the stage, the
 * step, the percentage, a detail the stage chooses, and the time left at the pace so far.
 */
final class StepProgress {
    private static final long INTERVAL_NS = 1_000_000_000L;

    private final PrintWriter err;
    private final String stage;
    private final long start = System.nanoTime();
    private long lastPrint = start;

    StepProgress(PrintWriter err, String stage) {
        this.err = err;
        this.stage = stage;
    }

    void step(long done, long total, String detail) {
        long now = System.nanoTime();
        if (done != total && now - lastPrint < INTERVAL_NS) return;
        lastPrint = now;
        double elapsed = (now - start) * 1e-9;
        double left = done == 0 ? Double.NaN : elapsed * (total - done) / done;
        err.printf(Locale.ROOT, "%s: step %d/%d (%d%%)%s, ETA %s%n", stage, done, total, 100 * done / Math.max(1, total),
                detail.isEmpty() ? "" : " " + detail, TrainingProgress.duration(left));
        err.flush();
    }
}
