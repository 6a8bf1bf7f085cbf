package io.pitaj.worker.running;

import io.pitaj.models.train.TrainingListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Progress of {@code pita train} on stderr: a line about once a second (and on the last step) with the step, the
 * percentage, the loss and its terms, steps per second and the time left.
 */
final class TrainingProgress implements TrainingListener {
    private static final long INTERVAL_NS = 1_000_000_000L;

    private final PrintWriter err;
    private long lastPrint = System.nanoTime();

    TrainingProgress(PrintWriter err) { this.err = err; }

    @Override
    public void onStep(Step s) {
        long now = System.nanoTime();
        if (s.step() != s.totalSteps() && now - lastPrint < INTERVAL_NS) return;
        lastPrint = now;
        StringJoiner terms = new StringJoiner(", ");
        for (Map.Entry<String, Double> e : s.terms().entrySet()) terms.add(String.format(Locale.ROOT, "%s %.4g", e.getKey(), e.getValue()));
        double left = (s.totalSteps() - s.step()) / Math.max(1e-9, s.stepsPerSecond());
        err.printf(Locale.ROOT, "train: step %d/%d (%d%%) loss %.4g (%s), grad norm %.3g, %.1f steps/s, ETA %s%n", s.step(),
                s.totalSteps(), 100 * s.step() / Math.max(1, s.totalSteps()), s.loss(), terms, s.gradNorm(), s.stepsPerSecond(),
                duration(left));
        err.flush();
    }

    @Override
    public void onCheckpoint(long step, Path file) {
        err.printf(Locale.ROOT, "train: checkpoint at step %d: %s%n", step, file);
        err.flush();
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) return "?";
        long s = Math.round(seconds);
        if (s < 60) return s + " s";
        if (s < 3600) return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
