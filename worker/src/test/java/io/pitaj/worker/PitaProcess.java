package io.pitaj.worker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CLI in a JVM of its own, as a cluster machine runs it: this JVM's class path, -Xss4m, the variables given (the
 * only way credentials reach it), working in {@code dir}, stdout and stderr into {@code log}.
 */
final class PitaProcess {
    private PitaProcess() {}

    static Process start(Path dir, Map<String, String> env, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss4m", "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Dpita.shared.data=" + System.getProperty("pita.shared.data"),
                "-cp", System.getProperty("java.class.path"), "io.pitaj.worker.PitaCli"));
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).directory(dir.toFile());
        b.environment().putAll(env);
        return b.start();
    }

    static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
