package io.pitaj.models.runtime;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells the operator, once, that CUDA was requested but sessions run on CPU. Every later session would fail the
 * same way for the same reason, so repeating the warning per model (a run opens dozens) would only bury it.
 */
final class CudaFallbackNotice {
    private final WarningSink sink;
    private final AtomicBoolean reported = new AtomicBoolean();

    CudaFallbackNotice(WarningSink sink) {
        this.sink = sink;
    }

    void report(String reason) {
        if (reported.compareAndSet(false, true)) {
            sink.warn("CUDA execution provider unavailable (" + firstLine(reason) + "); falling back to CPU");
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
