package io.pitaj.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.activities.pipeline.StageProgress;
import io.pitaj.workflows.embedded.EmbeddedTemporal;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The probe against a real (embedded) Temporal server: a stand-in ladder runs a stand-in rung whose two shard
 * activities share one worker slot, so one heartbeats while the other waits; the probe finds both through the
 * ladder's pending child.
 */
class RunProgressProbeTest {
    private static final String QUEUE = "probe-test";
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    @ActivityInterface
    public interface Shard {
        void anneal(int shard);
    }

    public static final class HeartbeatingShard implements Shard {
        @Override
        public void anneal(int shard) {
            Activity.getExecutionContext().heartbeat(new StageProgress("rung-2/anneal/shard-" + shard, 30, 100, "ESS 50", null, 120.0));
            try {
                RELEASE.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static final class StandInLadder implements LadderWorkflow {
        @Override
        public RunOutcome run(LadderState state) {
            Workflow.newChildWorkflowStub(RungWorkflow.class, ChildWorkflowOptions.newBuilder().setWorkflowId("probe/rung-1").build()).run(null);
            return null;
        }

        @Override
        public RunProgress progress() { return new RunProgress(1, "rung 1", 7, 22, 1000, 0, false); }
    }

    public static final class StandInRung implements RungWorkflow {
        private final Shard shards = Workflow.newActivityStub(Shard.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());

        @Override
        public RungOutcome run(RungInput input) {
            List<Promise<Void>> running = List.of(Async.procedure(shards::anneal, 0), Async.procedure(shards::anneal, 1));
            Promise.allOf(running).get();
            return null;
        }

        @Override
        public RungProgress progress() { return new RungProgress("rung 2: anneal", 2, 300); }
    }

    @Test
    void theProbeReadsTheRunningShardsHeartbeatThroughTheLaddersChild() throws Exception {
        try (EmbeddedTemporal temporal = EmbeddedTemporal.start()) {
            WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build());
            WorkflowClient client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().build());
            WorkerFactory factory = WorkerFactory.newInstance(client);
            Worker worker = factory.newWorker(QUEUE, WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(1).build());
            worker.registerWorkflowImplementationTypes(StandInLadder.class, StandInRung.class);
            worker.registerActivitiesImplementations(new HeartbeatingShard());
            factory.start();
            try {
                LadderWorkflow ladder = client.newWorkflowStub(LadderWorkflow.class, WorkflowOptions.newBuilder().setWorkflowId("probe").setTaskQueue(QUEUE).build());
                WorkflowClient.start(ladder::run, LadderState.start(null, java.time.Duration.ofSeconds(PipelineOptions.DEFAULT_HEARTBEAT_SECONDS)));
                LiveProgress p = null;
                for (long deadline = System.nanoTime() + 20_000_000_000L; System.nanoTime() < deadline; Thread.sleep(100)) {
                    p = RunProgressProbe.read(client, "probe");
                    if (p.activities().size() == 2 && p.activities().stream().anyMatch(a -> a.last() != null)) break;
                }
                assertEquals(2, p.activities().size(), "both shards pending: " + p);
                assertEquals("rung 2: anneal", p.stage());
                assertEquals(9, p.stagesDone());
                assertEquals(1300, p.energyEvaluations());
                assertEquals(1, p.waiting(), "one worker slot: the second shard waits");
                assertEquals(15.0, p.stagePercent().getAsDouble(), 1e-9, "30 % and 0 %");
                double eta = p.etaSeconds().getAsDouble();
                assertTrue(eta > 100 && eta <= 120, "the heartbeat's 120 s, aged by the seconds since: " + eta);
            } finally {
                RELEASE.countDown();
                factory.shutdownNow();
                factory.awaitTermination(10, TimeUnit.SECONDS);
                service.shutdownNow();
            }
        }
    }
}
