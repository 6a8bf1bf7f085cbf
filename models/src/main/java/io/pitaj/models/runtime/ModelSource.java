package io.pitaj.models.runtime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;

/**
 * A model to open: how to create an ORT session from it, and the words errors and warnings use for it (such as
 * "the model 'train_step'"). It keeps the loading step rather than a session because {@link OrtRuntime} may try one
 * model with two sets of options, CUDA and then CPU. Tests supply their own loader to play a host with a GPU.
 */
record ModelSource(String description, Loader loader) {
    @FunctionalInterface
    interface Loader {
        OrtSession load(SessionOptions options) throws OrtException;
    }

    OrtSession load(SessionOptions options) throws OrtException {
        return loader.load(options);
    }
}
