package io.pitaj.models.runtime;

import io.pitaj.models.onnx.Dim;
import io.pitaj.models.onnx.DeclaredShape;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sizes that one run binds to symbolic dimensions (such as "batch"). ONNX requires every occurrence of a
 * dim_param within a graph to have the same size, so inputs that disagree are rejected here with a message naming
 * both, rather than failing somewhere inside the graph. Output shapes whose every dimension is fixed or bound can be
 * computed before the run, which is what allows pinning them.
 */
final class DimBindings {
    private final Map<String, Long> sizes = new HashMap<>();
    private final Map<String, String> boundBy = new HashMap<>();

    /** Checks an input's actual shape against its declaration and records the sizes of its symbolic dimensions. */
    void bind(String inputName, DeclaredShape declared, long[] actual) {
        if (declared.rank() != actual.length) {
            throw new IllegalArgumentException("input '" + inputName + "' has shape " + Arrays.toString(actual)
                    + " but the model declares " + declared + " (rank " + declared.rank() + ")");
        }
        for (int axis = 0; axis < actual.length; axis++) {
            Dim d = declared.dim(axis);
            if (d.isFixed() && d.size() != actual[axis]) {
                throw new IllegalArgumentException("input '" + inputName + "' has shape " + Arrays.toString(actual)
                        + " but the model declares " + declared + ": dimension " + axis + " must be " + d.size());
            }
            if (d.isSymbolic()) {
                Long previous = sizes.putIfAbsent(d.param(), actual[axis]);
                if (previous == null) {
                    boundBy.put(d.param(), inputName);
                } else if (previous != actual[axis]) {
                    throw new IllegalArgumentException("dimension '" + d.param() + "' is " + previous + " in input '"
                            + boundBy.get(d.param()) + "' but " + actual[axis] + " in input '" + inputName + "'");
                }
            }
        }
    }

    /** The concrete shape of a declaration, or empty if some dimension is unknown or not bound by any input. */
    Optional<long[]> resolve(DeclaredShape declared) {
        long[] shape = new long[declared.rank()];
        for (int axis = 0; axis < shape.length; axis++) {
            Dim d = declared.dim(axis);
            if (d.isFixed()) {
                shape[axis] = d.size();
            } else if (d.isSymbolic() && sizes.containsKey(d.param())) {
                shape[axis] = sizes.get(d.param());
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(shape);
    }
}
