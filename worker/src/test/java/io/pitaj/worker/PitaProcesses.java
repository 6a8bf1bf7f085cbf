package io.pitaj.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code pita} commands as child JVMs on the test's class path, each logging to {@code NAME.log} in one directory;
 * closing kills whichever are still running.
 */
final class PitaProcesses implements AutoCloseable {
    private final Path dir;
    private final Map<String, Process> started = new LinkedHashMap<>();

    PitaProcesses(Path dir) { this.dir = dir; }

    Process start(String name, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss4m", "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Dpita.shared.data=" + System.getProperty("pita.shared.data"),
                "-cp", System.getProperty("java.class.path"), "io.pitaj.worker.PitaCli"));
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log(name).toFile()).directory(dir.toFile());
        b.environment().putAll(env);
        Process p = b.start();
        started.put(name, p);
        return p;
    }

    /** Starts a {@code pita worker} and waits until it serves its queue (one at a time: on 2 cores, JVMs starting together starve). */
    Process serving(String name, Map<String, String> env, String... args) throws Exception {
        Process p = start(name, env, args);
        for (int i = 0; i < 240; i++) {
            if (Files.exists(log(name)) && Files.readString(log(name)).contains("worker: serving")) return p;
            if (!p.isAlive()) throw new AssertionError(name + " exited with " + p.exitValue() + ":\n" + logs());
            Thread.sleep(250);
        }
        throw new AssertionError(name + " did not start serving within 60 s:\n" + logs());
    }

    Path log(String name) { return dir.resolve(name + ".log"); }

    /** The last lines of every process's log, for a failure message. */
    String logs() {
        StringBuilder b = new StringBuilder();
        for (String name : started.keySet()) {
            try {
                List<String> lines = Files.readAllLines(log(name));
                b.append("== ").append(name).append('\n').append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()))).append('\n');
            } catch (IOException e) {
                b.append("== ").append(name).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return b.toString();
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : started.values()) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
