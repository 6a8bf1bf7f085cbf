package io.pitaj.activities.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The named run specs, stored as YAML next to this class (presets/NAME.yaml) and read by the same code as a user's
 * spec, so a preset is valid by the same rules: {@code quick} (laptop), the published {@code dw4}, {@code lj13},
 * {@code aldp}, {@code al3} (GPU-sized), and {@code lj13-cpu}, {@code aldp-cpu} (budgets cut for 2 CPU cores).
 */
public final class Presets {
    public static final List<String> NAMES = List.of("quick", "dw4", "lj13", "lj13-cpu", "aldp", "aldp-cpu", "al3");

    private Presets() {}

    public static RunSpec get(String name) {
        if (!NAMES.contains(name)) throw new SpecException("unknown preset '" + name + "'; choose " + String.join(", ", NAMES));
        try (InputStream in = Presets.class.getResourceAsStream("presets/" + name + ".yaml")) {
            if (in == null) throw new IllegalStateException("preset " + name + " is missing from the build");
            return RunSpecs.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "preset " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
