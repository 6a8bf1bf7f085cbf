package io.pitaj.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.activities.provenance.ProvenanceRecord;
import io.pitaj.activities.store.EmbeddedS3;
import io.pitaj.activities.store.S3Settings;
import io.pitaj.workflows.embedded.EmbeddedTemporal;
import java.nio.file.Files;
import java.nio.file.Path;
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
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir.resolve("s3")); EmbeddedTemporal temporal = EmbeddedTemporal.start();
             PitaProcesses pita = new PitaProcesses(dir)) {
            S3Settings settings = s3.settings("pita");
            Map<String, String> env = Map.of("PITA_S3_ACCESS_KEY", settings.accessKey(), "PITA_S3_SECRET_KEY", settings.secretKey());
            String[] services = {"--temporal", temporal.target(), "--s3", s3.endpoint().toString()};
            pita.serving("cpu", env, PitaProcesses.concat(new String[] {"worker", "--queue", "cpu", "--work-dir", "w-cpu"}, services));
            for (int g = 0; g < 2; g++) {
                pita.serving("gpu-" + g, env, PitaProcesses.concat(new String[] {"worker", "--queue", "gpu", "--concurrency", "1", "--threads", "1", "--work-dir",
                        "w-gpu-" + g}, services));
            }
            Process run = pita.start("run", env, PitaProcesses.concat(new String[] {"run", "--spec", spec.toString(), "--run-id", "c1", "--data-dir", "data"}, services));
            assertTrue(run.waitFor(3, TimeUnit.MINUTES), () -> "the run did not finish in time:\n" + pita.logs());
            String log = Files.readString(pita.log("run"));
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
        }
    }

    /**
     * Unreachable services end in one clear line after bounded retries: S3 after 4 attempts (exit 3, a service
     * error), Temporal after a 10 s connection check (exit 2: the address given is wrong).
     */
    @Test
    void unreachableServicesAreOneLineAfterBoundedRetries() throws Exception {
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir.resolve("s3")); PitaProcesses pita = new PitaProcesses(dir)) {
            S3Settings settings = s3.settings("pita");
            Map<String, String> env = Map.of("PITA_S3_ACCESS_KEY", settings.accessKey(), "PITA_S3_SECRET_KEY", settings.secretKey());
            Process noS3 = pita.start("no-s3", env, "worker", "--queue", "cpu", "--temporal", "127.0.0.1:1", "--s3", "http://127.0.0.1:1");
            assertTrue(noS3.waitFor(60, TimeUnit.SECONDS), "bounded");
            String s3Log = Files.readString(dir.resolve("no-s3.log"));
            assertEquals(3, noS3.exitValue(), s3Log);
            assertTrue(s3Log.contains("unreachable after 4 attempts") && s3Log.strip().lines().count() == 1, s3Log);

            Process noTemporal = pita.start("no-temporal", env, "worker", "--queue", "cpu", "--temporal", "127.0.0.1:1", "--s3",
                    s3.endpoint().toString());
            assertTrue(noTemporal.waitFor(60, TimeUnit.SECONDS), "bounded");
            String tLog = Files.readString(dir.resolve("no-temporal.log"));
            assertEquals(2, noTemporal.exitValue(), tLog);
            assertTrue(tLog.contains("cannot reach Temporal at 127.0.0.1:1 within 10 s"), tLog);
        }
    }
}
