package io.pitaj.models.runtime;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells the operator about CUDA fallbacks, and remembers the one that concerns the whole process.
 *
 * <p>When the CUDA provider cannot be registered, every later session would fail the same way for the same reason.
 * So that is told once, and later sessions go straight to CPU. Repeating the warning per model (a run opens dozens)
 * would only bury it. Retrying the provider would repeat ORT's own native error lines and the cost of loading the
 * CUDA libraries each time.
 *
 * <p>When the provider registered but one session could not be created with it, the cause belongs to that model
 * (its memory against the device's, an op the CUDA provider rejects). That says nothing about the next model, so it
 * is told for that session, in words that differ from the process-wide warning, and nothing is remembered.
 */
final class CudaFallback {
    private final WarningSink sink;
    private final AtomicReference<String> reason = new AtomicReference<>();

    CudaFallback(WarningSink sink) {
        this.sink = sink;
    }

    /** Whether an earlier session already found the provider unusable; later sessions go straight to CPU. */
    boolean knownUnavailable() {
        return reason.get() != null;
    }

    /** Records why the provider is unusable; the first call in this object's life warns, later ones stay silent. */
    void providerUnavailable(String why) {
        String line = firstLine(why);
        if (reason.compareAndSet(null, line)) {
            sink.warn("CUDA execution provider unavailable (" + line + "); falling back to CPU");
        }
    }

    /** Warns that one session runs on CPU although the provider registered; {@code model} is a description. */
    void sessionFailed(String model, String why) {
        sink.warn("CUDA could not create the session for " + model + " (" + firstLine(why)
                + "); this session runs on CPU, later sessions still try CUDA");
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "no reason given";
        }
        String trimmed = text.strip();
        int nl = trimmed.indexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(0, nl).strip();
    }
}
