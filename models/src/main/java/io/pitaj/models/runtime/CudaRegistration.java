package io.pitaj.models.runtime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;

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

    CudaRegistration ORT = (options, settings) -> options.addCUDA(settings.deviceId());
}
