package io.pitaj.models.runtime;

import java.util.Locale;

/** Where ONNX Runtime executes a graph. The CLI's {@code --device cpu|cuda} maps onto this. */
public enum ExecutionProvider {
    CPU,
    CUDA;

    /** Parses "cpu" or "cuda" (any case, surrounding blanks ignored). */
    public static ExecutionProvider parse(String text) {
        if (text != null) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "cpu":
                    return CPU;
                case "cuda":
                    return CUDA;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("unknown device '" + text + "': use cpu or cuda");
    }

    /** The lower-case name used on the command line and in provenance records. */
    public String id() { return name().toLowerCase(Locale.ROOT); }
}
