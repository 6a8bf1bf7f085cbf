package io.pitaj.models.runtime;

import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * How to build an ONNX Runtime session. Everything else is fixed by {@link OrtRuntime}: one inter-op thread and
 * sequential execution, because the project's graphs are chains of large ops and parallel branches only add
 * scheduling noise.
 *
 * <p>Start from {@link #cpu} or {@link #of} and change one setting at a time with the {@code with…} methods.
 *
 * @param provider             the requested execution provider; CUDA falls back to CPU as {@link OrtRuntime} describes
 * @param intraOpThreads       threads ONNX Runtime may use inside one op, at least 1. It is explicit so that runs on
 *                             the same machine are reproducible and several workers can share a host without
 *                             oversubscription
 * @param optimization         ORT's graph optimisation level, {@code ALL_OPT} by default. Lower levels exist to rule
 *                             out an ORT graph rewrite when results differ from the interpreter's
 * @param deviceId             the CUDA device ordinal (ignored on CPU)
 * @param cudaMemoryLimitBytes ORT's {@code gpu_mem_limit} for the CUDA provider's memory arena (ignored on CPU);
 *                             empty leaves ORT's default, which is no limit. Set it when several workers share one GPU
 */
public record SessionSettings(ExecutionProvider provider, int intraOpThreads, OptLevel optimization, int deviceId,
                              OptionalLong cudaMemoryLimitBytes) {
    public SessionSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(optimization, "optimization level");
        Objects.requireNonNull(cudaMemoryLimitBytes, "CUDA memory limit (use OptionalLong.empty() for none)");
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intra-op thread count must be >= 1, got " + intraOpThreads);
        }
        if (deviceId < 0) {
            throw new IllegalArgumentException("CUDA device id must be >= 0, got " + deviceId);
        }
        if (cudaMemoryLimitBytes.isPresent() && cudaMemoryLimitBytes.getAsLong() <= 0) {
            throw new IllegalArgumentException(
                    "CUDA memory limit must be > 0 bytes, got " + cudaMemoryLimitBytes.getAsLong());
        }
    }

    /** CPU with all graph optimisations. */
    public static SessionSettings cpu(int intraOpThreads) {
        return of(ExecutionProvider.CPU, intraOpThreads);
    }

    /** The given provider with all graph optimisations, CUDA device 0 and ORT's default CUDA memory limit. */
    public static SessionSettings of(ExecutionProvider provider, int intraOpThreads) {
        return new SessionSettings(provider, intraOpThreads, OptLevel.ALL_OPT, 0, OptionalLong.empty());
    }

    public SessionSettings withOptimization(OptLevel level) {
        return new SessionSettings(provider, intraOpThreads, level, deviceId, cudaMemoryLimitBytes);
    }

    public SessionSettings withDeviceId(int id) {
        return new SessionSettings(provider, intraOpThreads, optimization, id, cudaMemoryLimitBytes);
    }

    public SessionSettings withCudaMemoryLimit(long bytes) {
        return new SessionSettings(provider, intraOpThreads, optimization, deviceId, OptionalLong.of(bytes));
    }
}
