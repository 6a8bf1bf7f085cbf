package io.pitaj.models.onnx;

/**
 * One dimension of a declared tensor shape: a fixed size, a named symbolic size bound at run time
 * (such as the batch dimension), or unknown (neither, as ONNX Runtime reports dimensions it cannot name).
 *
 * @param size  the fixed size, or -1 when the dimension is symbolic or unknown
 * @param param the symbolic name, or null when the dimension is fixed or unknown
 */
public record Dim(long size, String param) {
    /** The name every graph in the project uses for its dynamic batch dimension. */
    public static final String BATCH_PARAM = "batch";
    public static final Dim BATCH = named(BATCH_PARAM);

    public Dim {
        if (param != null && (param.isEmpty() || size != -1)) {
            throw new IllegalArgumentException("a symbolic dimension needs a non-empty name and no fixed size");
        }
        if (param == null && size < -1) {
            throw new IllegalArgumentException("dimension size must be >= 0, got " + size);
        }
    }

    public static Dim of(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("dimension size must be >= 0, got " + size);
        }
        return new Dim(size, null);
    }

    public static Dim named(String param) { return new Dim(-1, param); }

    public static Dim unknown() { return new Dim(-1, null); }

    public boolean isFixed() { return size >= 0; }

    public boolean isSymbolic() { return param != null; }

    @Override
    public String toString() {
        if (isFixed()) {
            return Long.toString(size);
        }
        return isSymbolic() ? param : "?";
    }
}
