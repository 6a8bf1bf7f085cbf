package io.pitaj.models.train;

import io.pitaj.models.graph.Tensor;
import java.util.Map;

/**
 * Runs one compiled graph (a training step, an EMA update) from named input values to named output values. The
 * double-precision {@link InterpreterExecutor} implements it for tests; an ONNX Runtime session implements it for
 * real training, converting to and from the graph's element type (F32 values are rounded on the way in and widened
 * on the way out).
 *
 * <p>Contract: every key of {@code inputs} is a declared input of the graph, and every input the outputs depend on
 * is present; the batch dimension is bound by the data inputs' shapes. The result maps every output name of the
 * graph to a fresh tensor that the caller may keep. Implementations need not be thread-safe.
 */
@FunctionalInterface
public interface StepExecutor {
    Map<String, Tensor> run(Map<String, Tensor> inputs);
}
