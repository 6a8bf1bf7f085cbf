package io.pitaj.models.nn;

import io.pitaj.models.graph.Tensor;
import java.util.Arrays;

/**
 * One named parameter tensor with a static shape, its values held in host memory in double precision (whatever
 * precision the graphs that use it run in). The values array is live: optimiser drivers update it in place.
 */
public final class Parameter {
    private final String name;
    private final int[] shape;
    private final double[] values;

    Parameter(String name, int[] shape, double[] values) {
        if (name.isEmpty()) throw new IllegalArgumentException("parameter names must not be empty");
        long n = 1;
        for (int d : shape) {
            if (d <= 0) throw new IllegalArgumentException("parameter '" + name + "' has a non-positive dimension: "
                    + Arrays.toString(shape));
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException("parameter '" + name + "' of shape " + Arrays.toString(shape) + " needs "
                    + n + " values, got " + values.length);
        }
        this.name = name;
        this.shape = shape.clone();
        this.values = values;
    }

    public String name() { return name; }

    public int[] shape() { return shape.clone(); }

    /** Number of scalar entries. */
    public int size() { return values.length; }

    /** The live values, row-major. */
    public double[] values() { return values; }

    /** A tensor view sharing the live values (for binding as a graph input or constant). */
    public Tensor tensor() { return new Tensor(shape, values); }

    @Override
    public String toString() { return name + Arrays.toString(shape); }
}
