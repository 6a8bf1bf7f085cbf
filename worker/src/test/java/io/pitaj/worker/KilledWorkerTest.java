package io.pitaj.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pitaj.activities.pipeline.StageProgress;
import io.pitaj.activities.provenance.ProvenanceRecord;
import io.pitaj.activities.store.EmbeddedS3;
import io.pitaj.activities.store.SampleSetCodec;
import io.pitaj.activities.store.S3Settings;
import io.pitaj.workflows.embedded.EmbeddedTemporal;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gpu worker killed with SIGKILL in the middle of training, on real processes as in {@link ClusterModeTest}: a
 * gpu worker started after it (on another work directory, so with no local checkpoint) takes the retried attempt once
 * the run's short heartbeat timeout has passed, resumes from the checkpoint the last heartbeat named, and the run
 * finishes with every sample set whole. Starting the replacement while Temporal waits out the heartbeat timeout,
 * rather than keeping an idle second worker from the start, hides one JVM start on 2 cores.
 */
class KilledWorkerTest {
    private static final int HOT_SAMPLES = 2000, PARTICLES = 400, RUNG0_STEPS = 6000, CHECKPOINT_EVERY = 50;
    private static final Pattern CHECKPOINT = Pattern.compile("step-(\\d+)\\.safetensors$");

    @TempDir
    Path dir;

    @Test
    void aWorkerKilledMidTrainingIsReplacedAndTheRunResumesFromItsCheckpoint() throws Exception {
        Path spec = dir.resolve("long-training.yaml");
        try (var in = KilledWorkerTest.class.getResourceAsStream("/tiny-run.yaml")) {
            // rung 0 trains for about 10 s on a quiet machine (600 steps/s; 1,500 steps ended before the first throttled heartbeat), so that a heartbeat naming a checkpoint reaches Temporal before it ends
            Files.writeString(spec, new String(in.readAllBytes()).replace("steps: [200, 100]", "steps: [" + RUNG0_STEPS + ", 100]"));
        }
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir.resolve("s3")); EmbeddedTemporal temporal = EmbeddedTemporal.start();
             PitaProcesses pita = new PitaProcesses(dir)) {
            S3Settings settings = s3.settings("pita");
            Map<String, String> env = Map.of("PITA_S3_ACCESS_KEY", settings.accessKey(), "PITA_S3_SECRET_KEY", settings.secretKey());
            String[] services = {"--temporal", temporal.target(), "--s3", s3.endpoint().toString()};
            pita.serving("cpu", env, PitaProcesses.concat(new String[] {"worker", "--queue", "cpu", "--work-dir", "w-cpu"}, services));
            String[] gpuWorker = PitaProcesses.concat(new String[] {"worker", "--queue", "gpu", "--concurrency", "1", "--threads", "1"}, services);
            Process victim = pita.serving("gpu-0", env, PitaProcesses.concat(gpuWorker, new String[] {"--work-dir", "w-gpu-0"}));
            Process run = pita.start("run", env, PitaProcesses.concat(new String[] {"run", "--spec", spec.toString(), "--run-id", "k1", "--data-dir",
                    "data", "--heartbeat-timeout", "4"}, services));

            PendingActivityInfo training = checkpointedTraining(temporal, pita, run);
            String killed = training.getLastWorkerIdentity();
            assertTrue(killed.startsWith(victim.pid() + "@"), "training runs on the only gpu worker: " + killed);
            long checkpointed = checkpointStep(heartbeat(training));
            victim.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Process replacement = pita.start("gpu-1", env, PitaProcesses.concat(gpuWorker, new String[] {"--work-dir", "w-gpu-1"}));

            assertTrue(run.waitFor(3, TimeUnit.MINUTES), () -> "the run did not finish in time:\n" + pita.logs());
            assertEquals(0, run.exitValue(), pita.logs());
            assertTrue(Files.readString(pita.log("run")).contains("run k1 finished"), pita.logs());

            ProvenanceRecord train = ProvenanceRecord.read(stageDir("rung-0/train").resolve("provenance.json"));
            assertTrue(train.attempt() >= 2, "the killed attempt was retried: attempt " + train.attempt());
            assertTrue(train.runtime().worker().startsWith(replacement.pid() + "@"), "finished by the replacement, not " + killed + ": "
                    + train.runtime().worker());
            double resumed = train.metrics().get("resumed_from_step");
            assertTrue(resumed >= checkpointed && resumed < RUNG0_STEPS && resumed % CHECKPOINT_EVERY == 0,
                    "resumed from the newest checkpoint a heartbeat named (at least step " + checkpointed + "), not step 0: " + resumed);
            Cli.Result chain = Cli.run("provenance", "k1", "--data-dir", dir.toString());
            assertEquals(0, chain.exitCode(), chain.err());
            assertTrue(chain.out().contains("rung-0/train [train] attempt " + train.attempt() + " on " + train.runtime().worker()), chain.out());

            // no sample lost or counted twice on the way to the target
            assertEquals(HOT_SAMPLES, count("hot/merged"));
            for (int rung = 1; rung <= 2; rung++) {
                assertEquals(PARTICLES, count("rung-" + rung + "/anneal/shard-0") + count("rung-" + rung + "/anneal/shard-1"), "rung " + rung);
                assertEquals(PARTICLES, count("rung-" + rung + "/anneal/merged"), "rung " + rung);
                assertEquals(PARTICLES, count("rung-" + rung + "/relax"), "rung " + rung);
            }
        }
    }

    /** Waits until rung 0's training runs and Temporal holds a heartbeat of it naming an uploaded checkpoint. */
    private static PendingActivityInfo checkpointedTraining(EmbeddedTemporal temporal, PitaProcesses pita, Process run) throws Exception {
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build());
        try {
            DescribeWorkflowExecutionRequest describe = DescribeWorkflowExecutionRequest.newBuilder().setNamespace("default")
                    .setExecution(WorkflowExecution.newBuilder().setWorkflowId("k1/rung-0")).build();
            boolean trained = false;
            for (long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2); System.nanoTime() < deadline; Thread.sleep(100)) {
                if (!run.isAlive()) throw new AssertionError("the run ended before training was killed:\n" + pita.logs());
                List<PendingActivityInfo> pending;
                try {
                    pending = service.blockingStub().describeWorkflowExecution(describe).getPendingActivitiesList();
                } catch (StatusRuntimeException e) {
                    if (e.getStatus().getCode() == Status.Code.NOT_FOUND) continue; // rung 0 has not started yet
                    throw e;
                }
                Optional<PendingActivityInfo> train = pending.stream().filter(a -> a.getActivityType().getName().equals("Train")).findFirst();
                if (train.isPresent()) trained = true;
                if (trained && train.isEmpty()) throw new AssertionError("training ended before a heartbeat named a checkpoint; lengthen it");
                if (train.isPresent() && train.get().getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED && train.get().hasHeartbeatDetails()
                        && heartbeat(train.get()).checkpointKey() != null) {
                    return train.get();
                }
            }
            throw new AssertionError("no checkpointed training within 2 min:\n" + pita.logs());
        } finally {
            service.shutdownNow();
        }
    }

    private static StageProgress heartbeat(PendingActivityInfo a) {
        return DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(0, Optional.of(a.getHeartbeatDetails()), StageProgress.class, StageProgress.class);
    }

    private static long checkpointStep(StageProgress p) {
        Matcher m = CHECKPOINT.matcher(p.checkpointKey());
        assertTrue(m.find(), p.checkpointKey());
        return Long.parseLong(m.group(1));
    }

    /** The store directory of the run's one completed instance of {@code stage}. */
    private Path stageDir(String stage) throws Exception {
        try (Stream<Path> keys = Files.list(dir.resolve("s3/pita/runs/k1").resolve(stage))) {
            List<Path> done = keys.filter(k -> Files.isRegularFile(k.resolve("provenance.json"))).toList();
            assertEquals(1, done.size(), stage + ": " + done);
            return done.get(0);
        }
    }

    private int count(String stage) throws Exception {
        return SampleSetCodec.read(stageDir(stage).resolve("samples.arrow")).count();
    }
}
