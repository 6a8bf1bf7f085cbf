package io.pitaj.models.onnx;

/**
 * Where a trainable tensor lives in an exported graph. Inference files are self-contained and carry their
 * weights as initializers; training-step graphs take the parameters as graph inputs so the same compiled
 * session can be fed updated values every step.
 */
public enum WeightPlacement {
    INITIALIZER,
    GRAPH_INPUT
}
