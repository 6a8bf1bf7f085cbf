package io.pitaj.models.runtime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.providers.OrtCUDAProviderOptions;

import java.util.OptionalLong;

/**
 * Registers ORT's CUDA execution provider on session options. It is an interface only so that tests can play a host
 * where registration succeeds: this build's CPU-only jar never allows it, and this machine has no GPU.
 */
@FunctionalInterface
interface CudaRegistration {
    /**
     * Throws when this process cannot use CUDA at all (the CPU-only jar, no driver, missing CUDA or cuDNN libraries).
     * {@link OrtRuntime} then stops asking for CUDA, so a failure that concerns only one model must not be raised here.
     */
    void register(SessionOptions options, SessionSettings settings) throws OrtException;

    CudaRegistration ORT = (options, settings) -> {
        // On the CPU-only jar constructing the provider options already throws, for want of a provider library;
        // with the GPU jar, addCUDA throws when the CUDA libraries are missing. Both mean no CUDA in this process.
        try (OrtCUDAProviderOptions cuda = new OrtCUDAProviderOptions(settings.deviceId())) {
            OptionalLong limit = settings.cudaMemoryLimitBytes();
            if (limit.isPresent()) {
                cuda.add("gpu_mem_limit", Long.toString(limit.getAsLong()));
            }
            // ORT copies the options into the provider factory it keeps, so they may be closed once registered
            options.addCUDA(cuda);
        }
    };
}
