package io.pitaj.worker;

import static io.pitaj.worker.PitaProcess.concat;
import static io.pitaj.worker.PitaProcess.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.activities.provenance.ProvenanceRecord;
import io.pitaj.activities.store.EmbeddedS3;
import io.pitaj.activities.store.S3Settings;
import io.pitaj.workflows.embedded.EmbeddedTemporal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode with real processes: a Temporal server and an S3 store (here the embedded ones, standing in for a
 * cluster's), three {@code pita worker} JVMs — one on the cpu queue, two on the gpu queue serving one stage each —
 * and a {@code pita run --temporal --s3} JVM that submits and follows. Credentials reach the processes only through
 * their environment.
 */
class ClusterModeTest {
    @TempDir
    Path dir;

    @Test
    void workersOnTwoMachinesShareARunsShards() throws Exception {
        Path spec = dir.resolve("tiny.yaml");
        try (var in = ClusterModeTest.class.getResourceAsStream("/tiny-run.yaml")) {
            Files.write(spec, in.readAllBytes());
        }
        List<Process> workers = new ArrayList<>();
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir.resolve("s3")); EmbeddedTemporal temporal = EmbeddedTemporal.start()) {
            S3Settings settings = s3.settings("pita");
            Map<String, String> env = Map.of("PITA_S3_ACCESS_KEY", settings.accessKey(), "PITA_S3_SECRET_KEY", settings.secretKey());
            String[] services = {"--temporal", temporal.target(), "--s3", s3.endpoint().toString()};
            workers.add(serving(start(dir, env, dir.resolve("cpu.log"), concat(new String[] {"worker", "--queue", "cpu", "--work-dir", "w-cpu"}, services)),
                    "cpu.log"));
            for (int g = 0; g < 2; g++) {
                workers.add(serving(start(dir, env, dir.resolve("gpu-" + g + ".log"), concat(new String[] {"worker", "--queue", "gpu", "--concurrency", "1",
                        "--threads", "1", "--work-dir", "w-gpu-" + g}, services)), "gpu-" + g + ".log"));
            }
            Process run = start(dir, env, dir.resolve("run.log"), concat(new String[] {"run", "--spec", spec.toString(), "--run-id", "c1", "--data-dir", "data"},
                    services));
            assertTrue(run.waitFor(3, TimeUnit.MINUTES), () -> "the run did not finish in time:\n" + logs());
            String log = Files.readString(dir.resolve("run.log"));
            assertEquals(0, run.exitValue(), log);
            assertTrue(log.contains("run c1 finished"), log);
            assertTrue(Files.isRegularFile(dir.resolve("data/runs/c1/report/report.html")));

            Set<String> annealers = new TreeSet<>();
            try (Stream<Path> files = Files.walk(dir.resolve("s3"))) {
                for (Path f : files.filter(p -> p.getFileName().toString().equals("provenance.json")).toList()) {
                    ProvenanceRecord r = ProvenanceRecord.read(f);
                    if (r.kind().equals("anneal")) annealers.add(r.runtime().worker());
                }
            }
            assertEquals(2, annealers.size(), "each gpu worker annealed one shard at a time, so both took part: " + annealers);
        } finally {
            for (Process p : workers) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Unreachable services end in one clear line after bounded retries: S3 after 4 attempts (exit 3, a service
     * error), Temporal after a 10 s connection check (exit 2: the address given is wrong).
     */
    @Test
    void unreachableServicesAreOneLineAfterBoundedRetries() throws Exception {
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir.resolve("s3"))) {
            S3Settings settings = s3.settings("pita");
            Map<String, String> env = Map.of("PITA_S3_ACCESS_KEY", settings.accessKey(), "PITA_S3_SECRET_KEY", settings.secretKey());
            Process noS3 = start(dir, env, dir.resolve("no-s3.log"), "worker", "--queue", "cpu", "--temporal", "127.0.0.1:1", "--s3", "http://127.0.0.1:1");
            assertTrue(noS3.waitFor(60, TimeUnit.SECONDS), "bounded");
            String s3Log = Files.readString(dir.resolve("no-s3.log"));
            assertEquals(3, noS3.exitValue(), s3Log);
            assertTrue(s3Log.contains("unreachable after 4 attempts") && s3Log.strip().lines().count() == 1, s3Log);

            Process noTemporal = start(dir, env, dir.resolve("no-temporal.log"), "worker", "--queue", "cpu", "--temporal", "127.0.0.1:1", "--s3",
                    s3.endpoint().toString());
            assertTrue(noTemporal.waitFor(60, TimeUnit.SECONDS), "bounded");
            String tLog = Files.readString(dir.resolve("no-temporal.log"));
            assertEquals(2, noTemporal.exitValue(), tLog);
            assertTrue(tLog.contains("cannot reach Temporal at 127.0.0.1:1 within 10 s"), tLog);
        }
    }

    /** Waits until a worker says it serves its queue (one at a time: on 2 cores, JVMs starting together starve). */
    private Process serving(Process p, String log) throws Exception {
        for (int i = 0; i < 240; i++) {
            if (Files.exists(dir.resolve(log)) && Files.readString(dir.resolve(log)).contains("worker: serving")) return p;
            if (!p.isAlive()) throw new AssertionError(log + " exited with " + p.exitValue() + ":\n" + logs());
            Thread.sleep(250);
        }
        throw new AssertionError(log + " did not start serving within 60 s:\n" + logs());
    }

    /** The processes' logs, for a failure message. */
    private String logs() {
        StringBuilder b = new StringBuilder();
        for (String name : List.of("run", "cpu", "gpu-0", "gpu-1")) {
            try {
                List<String> lines = Files.readAllLines(dir.resolve(name + ".log"));
                b.append("== ").append(name).append('\n').append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()))).append('\n');
            } catch (java.io.IOException e) {
                b.append("== ").append(name).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return b.toString();
    }
}
