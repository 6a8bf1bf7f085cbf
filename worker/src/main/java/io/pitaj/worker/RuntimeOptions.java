package io.pitaj.worker;

import io.pitaj.models.runtime.ExecutionProvider;
import io.pitaj.models.runtime.SessionSettings;
import picocli.CommandLine.Option;

/** Where ONNX Runtime runs, for every command that opens sessions: intra-op threads and the execution provider. */
public final class RuntimeOptions {
    @Option(names = "--threads", description = "ONNX Runtime intra-op threads (default: all processors).")
    private Integer threads;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|cuda",
            description = "Execution provider (default ${DEFAULT-VALUE}; cuda falls back to cpu with a warning).")
    private String device;

    /** The thread count; a user error when not positive. */
    public int threadCount() {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) throw new UserInputException("--threads must be at least 1, got " + t);
        return t;
    }

    /** The requested provider; a user error when unknown. */
    public ExecutionProvider provider() {
        try {
            return ExecutionProvider.parse(device);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--device: " + e.getMessage());
        }
    }

    public SessionSettings session() { return SessionSettings.of(provider(), threadCount()); }
}
