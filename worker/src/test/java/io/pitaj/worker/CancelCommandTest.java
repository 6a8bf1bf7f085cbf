package io.pitaj.worker;

import static io.pitaj.worker.PitaProcesses.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.activities.pipeline.PipelineEnvironment;
import io.pitaj.activities.pipeline.StageRunner;
import io.pitaj.activities.provenance.ProvenanceRecord;
import io.pitaj.activities.store.ArtifactStore;
import io.pitaj.activities.store.EmbeddedS3;
import io.pitaj.activities.store.S3ArtifactStore;
import io.pitaj.activities.store.S3Settings;
import io.pitaj.models.runtime.ExecutionProvider;
import io.pitaj.models.runtime.OrtRuntime;
import io.pitaj.models.runtime.SessionSettings;
import io.pitaj.workflows.PipelineOptions;
import io.pitaj.workflows.PipelineWorkers;
import io.pitaj.workflows.embedded.EmbeddedTemporal;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pita cancel} on a cluster: a Temporal server and an S3 store (the embedded ones standing in for a cluster's),
 * workers in this JVM, and the submitting {@code pita run}, {@code pita cancel} and {@code pita status} as processes
 * of their own, given the credentials in their environment. The run is cancelled while rung 0 trains.
 */
class CancelCommandTest {
    @TempDir
    Path dir;

    private PitaProcesses processes;
    private Map<String, String> credentials;

    @Test
    void anEmbeddedRunCannotBeCancelledFromAnotherProcess() {
        SampleCommandTest.assertOneLineError(Cli.run("cancel", "t1", "--data-dir", dir.toString()), "an embedded run's Temporal server lives in");
    }

    @Test
    void aCancelledRunKeepsItsStoredStagesIntactAndItsRerunResumesFromThem() throws Exception {
        // rung 0 trains long enough (20,000 steps, about 35 s on a quiet machine: with 6,000 it finished before the cancel arrived) to be cancelled in the middle
        Path spec = Cli.file(dir, "slow-train.yaml", new String(CancelCommandTest.class.getResourceAsStream("/tiny-run.yaml").readAllBytes(),
                StandardCharsets.UTF_8).replace("steps: [200, 100]", "steps: [20000, 100]").replace("checkpoint_every: 50", "checkpoint_every: 500"));
        Path data = dir.resolve("data");
        processes = new PitaProcesses(dir);
        try (PitaProcesses children = processes; EmbeddedS3 s3 = EmbeddedS3.start(data.resolve("s3"));
             ArtifactStore store = S3ArtifactStore.open(s3.settings("pita"));
             EmbeddedTemporal temporal = EmbeddedTemporal.start()) {
            WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build());
            WorkflowClient client = WorkflowClient.newInstance(service);
            PipelineEnvironment env = new PipelineEnvironment(new StageRunner(store, dir.resolve("work"), OrtRuntime.shared().ortVersion(),
                    ExecutionProvider.CPU.id(), 1), SessionSettings.of(ExecutionProvider.CPU, 1), Cli.CATALOG);
            WorkerFactory workers = PipelineWorkers.start(client, env, Set.of(PipelineOptions.CPU_QUEUE, PipelineOptions.GPU_QUEUE), 2);
            try {
                S3Settings settings = s3.settings("pita");
                credentials = Map.of("PITA_S3_ACCESS_KEY", settings.accessKey(), "PITA_S3_SECRET_KEY", settings.secretKey());
                String[] cluster = {"--temporal", temporal.target(), "--s3", s3.endpoint().toString()};
                String[] submit = concat(new String[] {"run", "--spec", spec.toString(), "--run-id", "k1", "--data-dir", "out"}, cluster);
                Process run = pita("run.log", submit);

                String training = "runs/k1/rung-0/train/";
                for (int i = 0; i < 480 && store.list(training).stream().noneMatch(k -> k.contains("/checkpoints/")); i++) Thread.sleep(250);
                assertTrue(store.list(training).stream().anyMatch(k -> k.contains("/checkpoints/")), () -> "rung 0 never trained:\n" + log("run.log"));
                String cancelled = succeeded("cancel.log", concat(new String[] {"cancel", "k1"}, cluster));
                assertTrue(cancelled.contains("run k1 cancelled: its 5 completed stages stay in the store"), cancelled);
                assertTrue(run.waitFor(1, TimeUnit.MINUTES), "the submitter ends with its run");
                assertEquals(1, run.exitValue(), log("run.log"));
                assertTrue(log("run.log").contains("run k1 was cancelled"), log("run.log"));

                // training heard of the cancellation, stopped and was recorded as cancelled, storing nothing but whole checkpoints
                assertTrue(client.fetchHistory("k1/rung-0").getEvents().stream()
                        .anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED), "rung 0's training acknowledged the cancellation");
                List<String> trainingObjects = store.list(training);
                assertTrue(trainingObjects.stream().allMatch(k -> k.contains("/checkpoints/")), "no output or record of a stopped stage: " + trainingObjects);
                String status = succeeded("status.log", concat(new String[] {"status", "k1"}, cluster));
                assertTrue(status.contains("5 stages complete") && status.contains("workflow: cancelled"), status);
                Cli.Result chain = Cli.run("provenance", "k1", "--data-dir", data.toString());
                assertEquals(0, chain.exitCode(), chain.out() + chain.err());
                assertTrue(chain.out().contains("every one matches its sha256"), chain.out());

                String rerun = succeeded("rerun.log", submit);
                Matcher counts = Pattern.compile("finished: (\\d+) stages, (\\d+) reused").matcher(rerun);
                assertTrue(counts.find(), rerun);
                assertEquals("18", counts.group(1), rerun);
                assertEquals("5", counts.group(2), "the five stages completed before the cancel are reused: " + rerun);
                String record = store.list(training).stream().filter(k -> k.endsWith("/" + StageRunner.PROVENANCE)).findFirst().orElseThrow();
                double resumedFrom = ProvenanceRecord.fromJson(new String(store.getBytes(store.stat(record).orElseThrow()), StandardCharsets.UTF_8))
                        .metrics().get("resumed_from_step");
                assertTrue(resumedFrom > 0, "training resumed from the checkpoint of the cancelled attempt, not from step 0");
            } finally {
                children.close();
                workers.shutdownNow();
                workers.awaitTermination(10, TimeUnit.SECONDS);
                service.shutdownNow();
            }
        }
    }

    /** The CLI in a process of its own, given the store's credentials, writing into {@code log}. */
    private Process pita(String log, String... args) throws Exception {
        return processes.start(log.substring(0, log.length() - ".log".length()), credentials, args);
    }

    /** The log of a CLI process that ended by itself within two minutes with exit code 0. */
    private String succeeded(String log, String... args) throws Exception {
        Process p = pita(log, args);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), () -> log + " did not end:\n" + log(log));
        assertEquals(0, p.exitValue(), () -> log(log));
        return log(log);
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (java.io.IOException e) {
            return name + ": " + e.getMessage();
        }
    }
}
