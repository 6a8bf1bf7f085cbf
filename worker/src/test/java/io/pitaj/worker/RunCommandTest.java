package io.pitaj.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pita run} on the embedded stack — Temporal's test server and s3proxy in this process, real gRPC, real S3
 * requests through the MinIO client, real Arrow files — with a pipeline small enough for the suite.
 */
class RunCommandTest {
    @TempDir
    Path dir;

    private Path spec() throws Exception {
        Path f = dir.resolve("tiny.yaml");
        try (var in = RunCommandTest.class.getResourceAsStream("/tiny-run.yaml")) {
            Files.write(f, in.readAllBytes());
        }
        return f;
    }

    @Test
    void aRunEndsWithAReportAndARerunReusesEveryStage() throws Exception {
        Path data = dir.resolve("data");
        Cli.Result first = Cli.run("run", "--spec", spec().toString(), "--run-id", "t1", "--data-dir", data.toString(), "--threads", "1");
        assertEquals(0, first.exitCode(), first.err());
        Path report = data.resolve("runs/t1/report");
        String md = Files.readString(report.resolve("report.md"));
        Matcher m = Pattern.compile("!\\[[^\\]]*\\]\\(([^)]+)\\)").matcher(md);
        int plots = 0;
        while (m.find()) {
            assertTrue(Files.isRegularFile(report.resolve(m.group(1))), m.group(1));
            plots++;
        }
        assertTrue(plots >= 4, md);
        assertTrue(md.contains("| rung 2 | 1 |") && md.contains("mode_masses_exact"), md);
        assertTrue(Files.readString(report.resolve("report.html")).contains("data:image/png;base64,"));
        assertTrue(Pattern.compile("(?m)^run: rung \\d+, stage .+, \\d+/\\d+ stages \\(\\d+%\\), ETA .+, [\\d,]+ energy evaluations so far$")
                .matcher(first.err()).find(), "progress lines: " + first.err());

        // every stage's provenance record names outputs whose digests match the stored objects
        List<Path> records;
        try (Stream<Path> s = Files.walk(data.resolve("s3"))) {
            records = s.filter(p -> p.getFileName().toString().equals("provenance.json")).toList();
        }
        assertTrue(records.size() >= 13, "stages recorded: " + records.size());

        Cli.Result status = Cli.run("status", "t1", "--data-dir", data.toString());
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().contains("report written"), status.out());
        Matcher progress = Pattern.compile("(?m)^progress: rung (\\d+), stage (.+), (\\d+)/(\\d+) stages \\((\\d+)%\\), ETA (.+), ([\\d,]+) energy evaluations so far$")
                .matcher(status.out());
        assertTrue(progress.find(), "rung, stage, percent, ETA and energy evaluations: " + status.out());
        assertEquals(List.of("2", "done 100%", "100", "0 s (finished)"), List.of(progress.group(1), progress.group(2), progress.group(5), progress.group(6)));
        assertEquals(progress.group(3), progress.group(4), "every stage of the run is complete: " + progress.group());
        assertTrue(status.out().contains(" " + progress.group(7) + " target energy evaluations"), "the same count as the stored records': " + status.out());
        Path csv = dir.resolve("final.csv");
        Cli.Result export = Cli.run("export", "t1", "--format", "csv", "--output", csv.toString(), "--data-dir", data.toString());
        assertEquals(0, export.exitCode(), export.err());
        assertEquals(401, Files.readAllLines(csv).size(), "a header and the final rung's 400 samples");
        SampleCommandTest.assertOneLineError(Cli.run("export", "t1", "--format", "csv", "--output", csv.toString(), "--data-dir", data.toString()),
                "already exists");
        Path pdb = dir.resolve("final.pdb");
        SampleCommandTest.assertOneLineError(Cli.run("export", "t1", "--format", "pdb", "--output", pdb.toString(), "--data-dir", data.toString()),
                "use --format arrow, csv or xyz");
        assertTrue(Files.notExists(pdb), "mog4 has no topology, so nothing is written");
        Cli.Result chain = Cli.run("provenance", "t1", "--data-dir", data.toString());
        assertEquals(0, chain.exitCode(), chain.err());
        assertTrue(chain.out().contains("every one matches its sha256") && chain.out().contains("(from hot/merged)"), chain.out());

        Cli.Result again = Cli.run("run", "--spec", spec().toString(), "--run-id", "t1", "--data-dir", data.toString(), "--threads", "1");
        assertEquals(0, again.exitCode(), again.err());
        Matcher counts = Pattern.compile("finished: (\\d+) stages, (\\d+) reused").matcher(again.out());
        assertTrue(counts.find(), again.out());
        assertEquals(counts.group(1), counts.group(2), "a rerun of the run id reuses every completed stage: " + again.out());

        // a stored object damaged behind the store's back is found by its digest
        Path stored;
        try (Stream<Path> s = Files.walk(data.resolve("s3"))) {
            stored = s.filter(p -> p.toString().contains("rung-1/relax") && p.getFileName().toString().equals("samples.arrow")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length / 2] ^= 1;
        Files.write(stored, bytes);
        Cli.Result damaged = Cli.run("provenance", "t1", "--data-dir", data.toString());
        assertEquals(1, damaged.exitCode(), damaged.out());
        assertTrue(damaged.out().contains("DOES NOT MATCH") && damaged.out().contains("1 do not match"), damaged.out());
    }

    @Test
    void aSecondRunOnTheSameDataDirectoryIsRefused() throws Exception {
        Path data = Files.createDirectories(dir.resolve("busy"));
        try (FileChannel c = FileChannel.open(data.resolve("pita.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = c.lock()) {
            // another JVM holds the lock in real use; within one JVM the channel lock is refused the same way
            Cli.Result r = Cli.run("run", "--spec", spec().toString(), "--data-dir", data.toString());
            SampleCommandTest.assertOneLineError(r, "is in use by another pita run");
        }
    }

    @Test
    void badSpecsAreRefusedBeforeAnythingStarts() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(spec()).replace("weights: exact", "weights: magic"));
        Path data = dir.resolve("never");
        SampleCommandTest.assertOneLineError(Cli.run("run", "--spec", bad.toString(), "--data-dir", data.toString()),
                "anneal.weights must be one of exact, hutchinson:P, snis, none");
        SampleCommandTest.assertOneLineError(Cli.run("run", "--spec", spec().toString(), "--heartbeat-timeout", "0", "--data-dir", data.toString()),
                "--heartbeat-timeout must be at least 1 (seconds), got 0");
        assertTrue(Files.notExists(data), "nothing started");
        Cli.Result printed = Cli.run("run", "--preset", "quick", "--print-spec");
        assertEquals(0, printed.exitCode(), printed.err());
        assertTrue(printed.out().startsWith("name: quick"), printed.out());
    }

}
