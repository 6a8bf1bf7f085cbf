package io.pitaj.workflows;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.pitaj.activities.pipeline.PipelineEnvironment;
import io.pitaj.activities.pipeline.RunRequest;
import io.pitaj.activities.pipeline.StageRunner;
import io.pitaj.activities.spec.RunSpecs;
import io.pitaj.activities.store.ArtifactStore;
import io.pitaj.activities.store.EmbeddedS3;
import io.pitaj.activities.store.S3ArtifactStore;
import io.pitaj.models.runtime.ExecutionProvider;
import io.pitaj.models.runtime.OrtRuntime;
import io.pitaj.models.runtime.SessionSettings;
import io.pitaj.models.systems.SystemCatalog;
import io.pitaj.workflows.embedded.EmbeddedTemporal;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test but the recorder of {@link WorkflowReplayTest}'s histories, run only when asked for:
 * <pre>mvn -B -ntp -o -pl workflows -am verify -Dtest=RecordHistoriesTest -Dpita.recordHistories=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * It runs the tiny pipeline on the embedded stack and writes every segment of the ladder and every rung child as
 * JSON into a new folder {@code src/test/resources/histories/DATE/}. It never touches older folders: those are the
 * histories of runs that may still be in flight, which a changed workflow must keep replaying.
 */
@EnabledIfSystemProperty(named = "pita.recordHistories", matches = "true")
class RecordHistoriesTest {
    @TempDir
    Path dir;

    @Test
    void recordTheHistoriesOfATinyRun() throws Exception {
        Path target = Path.of("src/test/resources/histories", LocalDate.now(ZoneOffset.UTC).toString());
        assertFalse(Files.exists(target), target + " exists: recorded histories are only ever added, never replaced");
        String yaml;
        try (var in = RecordHistoriesTest.class.getResourceAsStream("/tiny-run.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        RunRequest request = new RunRequest("tiny", RunSpecs.parse(yaml, "tiny-run.yaml"), null);
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir.resolve("s3"));
             ArtifactStore store = S3ArtifactStore.open(s3.settings("pita"));
             EmbeddedTemporal temporal = EmbeddedTemporal.start()) {
            WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build());
            // a fixed identity, so that the checked-in histories name no machine
            WorkflowClient client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().setIdentity("history-recorder").build());
            PipelineEnvironment env = new PipelineEnvironment(new StageRunner(store, dir.resolve("work"), OrtRuntime.shared().ortVersion(),
                    ExecutionProvider.CPU.id(), 1), SessionSettings.of(ExecutionProvider.CPU, 1), SystemCatalog.builtIn());
            WorkerFactory workers = PipelineWorkers.start(client, env, Set.of(PipelineOptions.CPU_QUEUE, PipelineOptions.GPU_QUEUE), 2);
            try {
                client.newWorkflowStub(LadderWorkflow.class, WorkflowOptions.newBuilder().setWorkflowId(request.runId())
                        .setTaskQueue(PipelineOptions.CPU_QUEUE).build()).run(LadderState.start(request, java.time.Duration.ofSeconds(PipelineOptions.DEFAULT_HEARTBEAT_SECONDS)));
                Files.createDirectories(target);
                List<WorkflowExecutionHistory> segments = segments(client, request.runId());
                for (int i = 0; i < segments.size(); i++) {
                    WorkflowExecutionHistory ladder = segments.get(i);
                    Files.writeString(target.resolve("ladder-" + (i + 1) + ".json"), ladder.toJson(true));
                    for (HistoryEvent e : ladder.getEvents()) {
                        if (e.getEventType() != EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED) continue;
                        var child = e.getChildWorkflowExecutionStartedEventAttributes().getWorkflowExecution();
                        String name = child.getWorkflowId().substring(child.getWorkflowId().lastIndexOf('/') + 1);
                        Files.writeString(target.resolve(name + ".json"), client.fetchHistory(child.getWorkflowId(), child.getRunId()).toJson(true));
                    }
                }
            } finally {
                workers.shutdownNow();
                workers.awaitTermination(10, TimeUnit.SECONDS);
                service.shutdownNow();
            }
        }
    }

    /** The ladder's runs, first to last: each continued-as-new run names the one it continues. */
    private static List<WorkflowExecutionHistory> segments(WorkflowClient client, String workflowId) {
        List<WorkflowExecutionHistory> out = new ArrayList<>();
        String runId = null;
        do {
            WorkflowExecutionHistory h = runId == null ? client.fetchHistory(workflowId) : client.fetchHistory(workflowId, runId);
            out.add(0, h);
            runId = h.getEvents().get(0).getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
        } while (!runId.isEmpty());
        return out;
    }
}
