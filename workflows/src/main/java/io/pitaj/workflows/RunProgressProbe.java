package io.pitaj.workflows;

import com.google.protobuf.Timestamp;
import io.pitaj.activities.pipeline.StageProgress;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a running ladder's {@link LiveProgress} as a client: the ladder's query, then DescribeWorkflowExecution of the
 * ladder and of its running rung, whose pending activities carry their last heartbeat details. Nothing of this runs
 * in workflow code, so the workflows stay deterministic and their histories gain no events for progress.
 */
public final class RunProgressProbe {
    private RunProgressProbe() {}

    /** Fails (a RuntimeException from the client) when the run is not there, e.g. between continue-as-new segments. */
    public static LiveProgress read(WorkflowClient client, String runId) {
        RunProgress run = client.newWorkflowStub(LadderWorkflow.class, runId).progress();
        DescribeWorkflowExecutionResponse ladder = describe(client, runId);
        List<ActivityProgress> activities = new ArrayList<>(activities(client, ladder));
        RungProgress rung = null;
        if (ladder.getPendingChildrenCount() > 0) {
            String child = ladder.getPendingChildren(0).getWorkflowId(); // one rung at a time
            rung = client.newWorkflowStub(RungWorkflow.class, child).progress();
            activities.addAll(activities(client, describe(client, child)));
        }
        return new LiveProgress(run, rung, activities);
    }

    private static DescribeWorkflowExecutionResponse describe(WorkflowClient client, String workflowId) {
        return client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build());
    }

    private static List<ActivityProgress> activities(WorkflowClient client, DescribeWorkflowExecutionResponse described) {
        Instant now = Instant.now();
        List<ActivityProgress> out = new ArrayList<>();
        for (PendingActivityInfo a : described.getPendingActivitiesList()) {
            boolean started = a.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED;
            StageProgress last = a.hasHeartbeatDetails()
                    ? client.getOptions().getDataConverter().fromPayloads(0, Optional.of(a.getHeartbeatDetails()), StageProgress.class, StageProgress.class)
                    : null;
            out.add(ActivityProgress.of(last != null ? last.stage() : a.getActivityType().getName(), started, last, instant(a.getLastHeartbeatTime()), now));
        }
        return out;
    }

    private static Instant instant(Timestamp t) { return Instant.ofEpochSecond(t.getSeconds(), t.getNanos()); }
}
