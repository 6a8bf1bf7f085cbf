package io.pitaj.models.runtime;

import java.util.Objects;

/**
 * How to build an ONNX Runtime session. Everything else is fixed by {@link OrtRuntime}: one inter-op thread and
 * sequential execution (the project's graphs are chains of large ops, and parallel branches only add scheduling
 * noise), and all graph optimisations.
 *
 * @param provider       the requested execution provider; CUDA falls back to CPU when unavailable
 * @param deviceId       the CUDA device ordinal (ignored on CPU)
 * @param intraOpThreads threads ONNX Runtime may use inside one op, at least 1 (explicit, so that runs on the same
 *                       machine are reproducible and several workers can share a host without oversubscription)
 */
public record SessionSettings(ExecutionProvider provider, int deviceId, int intraOpThreads) {
    public SessionSettings {
        Objects.requireNonNull(provider, "provider");
        if (deviceId < 0) {
            throw new IllegalArgumentException("CUDA device id must be >= 0, got " + deviceId);
        }
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intra-op thread count must be >= 1, got " + intraOpThreads);
        }
    }

    public static SessionSettings cpu(int intraOpThreads) {
        return new SessionSettings(ExecutionProvider.CPU, 0, intraOpThreads);
    }

    public static SessionSettings of(ExecutionProvider provider, int intraOpThreads) {
        return new SessionSettings(provider, 0, intraOpThreads);
    }

    public SessionSettings withDeviceId(int id) {
        return new SessionSettings(provider, id, intraOpThreads);
    }
}
