package io.pitaj.models.runtime;

/**
 * ONNX Runtime refused to load a model or failed while running it. Caller mistakes that can be detected before
 * calling into ORT (unknown input names, wrong shapes or types) are {@link IllegalArgumentException}s instead.
 */
public class InferenceException extends RuntimeException {
    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
