package io.pitaj.models.runtime;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers that CUDA could not be used and tells the operator once. Every later session would fail the same way
 * for the same reason, so repeating the warning per model (a run opens dozens) would only bury it, and retrying
 * the provider would repeat ORT's own native error lines and the cost of loading the CUDA libraries each time.
 */
final class CudaFallback {
    private final WarningSink sink;
    private final AtomicReference<String> reason = new AtomicReference<>();

    CudaFallback(WarningSink sink) {
        this.sink = sink;
    }

    /** Whether an earlier session already found CUDA unusable; later sessions go straight to CPU. */
    boolean knownUnavailable() {
        return reason.get() != null;
    }

    /** Records why CUDA is unusable; the first call in the life of this object warns, later ones stay silent. */
    void unavailable(String why) {
        String line = firstLine(why);
        if (reason.compareAndSet(null, line)) {
            sink.warn("CUDA execution provider unavailable (" + line + "); falling back to CPU");
        }
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
