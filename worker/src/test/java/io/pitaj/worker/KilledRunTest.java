package io.pitaj.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.models.artifact.ModelArtifact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pita run} on the embedded stack killed with SIGKILL in the middle of a run, then rerun with the same run id:
 * the dead process's lock does not hold the data directory, and every stage it completed is reused, its stored
 * objects byte for byte, while the rest is computed.
 */
class KilledRunTest {
    @TempDir
    Path dir;

    @Test
    void aRunKilledMidwayIsRerunReusingEveryStageItCompleted() throws Exception {
        Path spec = dir.resolve("tiny.yaml");
        try (var in = KilledRunTest.class.getResourceAsStream("/tiny-run.yaml")) {
            Files.write(spec, in.readAllBytes());
        }
        Path data = dir.resolve("data"), stored = data.resolve("s3/pita/runs/r1");
        String[] args = {"run", "--spec", spec.toString(), "--run-id", "r1", "--data-dir", data.toString(), "--threads", "1"};
        try (PitaProcesses pita = new PitaProcesses(dir)) {
            Process run = pita.start("run", Map.of(), args);
            for (long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2); records(stored).size() < 3; Thread.sleep(50)) {
                if (!run.isAlive() || System.nanoTime() > deadline) throw new AssertionError("no 3 stages complete to kill after:\n" + pita.logs());
            }
            run.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        List<Path> completed = records(stored);
        assertTrue(completed.stream().noneMatch(r -> r.startsWith(stored.resolve("report"))), "killed before the end: " + completed);
        Map<Path, String> before = digests(completed);
        assertTrue(Files.exists(data.resolve("pita.lock")), "the killed run leaves its lock file behind");

        Cli.Result again = Cli.run(args);
        assertEquals(0, again.exitCode(), again.err());
        Matcher counts = Pattern.compile("finished: (\\d+) stages, (\\d+) reused").matcher(again.out());
        assertTrue(counts.find(), again.out());
        assertEquals(completed.size(), Integer.parseInt(counts.group(2)), "the stages complete at the kill, and only those, are reused: " + completed);
        assertEquals(before, digests(completed), "what they stored was not written again");
    }

    /** The provenance records under a run's store directory: one per completed stage. */
    private static List<Path> records(Path run) {
        if (!Files.isDirectory(run)) return List.of();
        try (Stream<Path> files = Files.walk(run)) {
            return files.filter(f -> f.getFileName().toString().equals("provenance.json")).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // a temporary file renamed away while walking: look again
        }
    }

    /** Every file of the given stages' directories with its sha256. */
    private static Map<Path, String> digests(List<Path> records) throws IOException {
        Map<Path, String> out = new TreeMap<>();
        for (Path r : records) {
            try (Stream<Path> files = Files.walk(r.getParent())) {
                for (Path f : files.filter(Files::isRegularFile).toList()) out.put(f, ModelArtifact.sha256(f));
            }
        }
        return out;
    }
}
