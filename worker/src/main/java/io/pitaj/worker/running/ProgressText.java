package io.pitaj.worker.running;

import io.pitaj.workflows.ActivityProgress;
import io.pitaj.workflows.LiveProgress;
import java.util.Locale;

/**
 * A run's progress as one line, the same in {@code pita run}'s stderr and {@code pita status}: rung, stage with its
 * percent, stages done of the run's, the running stage's ETA, energy evaluations so far; and a line per pending
 * activity for {@code pita status}.
 */
public final class ProgressText {
    private ProgressText() {}

    /** {@code whyNoEta} says why the ETA is unknown when no activity of the run reported anything to derive it from. */
    public static String line(LiveProgress p, String whyNoEta) {
        StringBuilder stage = new StringBuilder(p.stage());
        p.stagePercent().ifPresent(percent -> stage.append(String.format(Locale.ROOT, " %.0f%%", percent)));
        if (p.waiting() > 0) stage.append(String.format(Locale.ROOT, " (%d waiting for a worker)", p.waiting()));
        String eta = p.run().finished() ? "0 s (finished)"
                : p.etaSeconds().isPresent() ? TrainingProgress.duration(p.etaSeconds().getAsDouble()) + " for this stage"
                : "unknown (" + (p.activities().isEmpty() ? whyNoEta
                        : p.activities().stream().allMatch(a -> a.last() == null) ? "no progress reported yet"
                        // the SDK sends heartbeats at most every 48 s, and a pace needs two of them
                        : "no pace yet; the first comes with the stage's second heartbeat, within a minute") + ")";
        int total = p.run().stagesTotal();
        return String.format(Locale.ROOT, "rung %d, stage %s, %d/%d stages (%d%%), ETA %s, %,d energy evaluations so far", p.run().rung(), stage,
                p.stagesDone(), total, total == 0 ? 0 : Math.min(100, Math.round(100.0 * p.stagesDone() / total)), eta, p.energyEvaluations());
    }

    /** One pending activity: what its last heartbeat said, or that it waits or reports nothing. */
    public static String activity(ActivityProgress a) {
        if (!a.started()) return a.stage() + ": waiting for a worker";
        if (a.last() == null) return a.stage() + ": running (reports no progress)";
        return String.format(Locale.ROOT, "%s: %d/%d (%.0f%%) %s, ETA %s", a.stage(), a.last().done(), a.last().total(), 100 * a.last().fraction(),
                a.last().detail(), a.etaSeconds() == null ? "unknown (no pace yet)" : TrainingProgress.duration(a.etaSeconds()));
    }
}
