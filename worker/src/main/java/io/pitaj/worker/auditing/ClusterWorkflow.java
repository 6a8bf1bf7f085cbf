package io.pitaj.worker.auditing;

import io.pitaj.worker.running.ClusterOptions;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.Locale;
import java.util.Optional;

/**
 * A run's ladder workflow on a cluster's Temporal, for the commands that look at or cancel one. Addressed by the run
 * id alone, so it is always the newest of the run's continue-as-new segments, and of its reruns.
 */
final class ClusterWorkflow implements AutoCloseable {
    private final WorkflowServiceStubs service;
    final WorkflowClient client;
    final WorkflowStub stub;

    private ClusterWorkflow(WorkflowServiceStubs service, WorkflowClient client, String runId) {
        this.service = service;
        this.client = client;
        this.stub = client.newUntypedWorkflowStub(runId);
    }

    /** Connects with a bounded check; a user error if the cluster's services are not both named or not reachable. */
    static ClusterWorkflow connect(ClusterOptions cluster, String runId) {
        cluster.requireBoth();
        WorkflowServiceStubs service = cluster.service(System.getenv());
        return new ClusterWorkflow(service, WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().setNamespace(cluster.namespace()).build()),
                runId);
    }

    /** Where the workflow is, or empty when Temporal has none of this id (never submitted there, or expired). */
    Optional<WorkflowExecutionStatus> status() {
        try {
            return Optional.of(stub.describe().getStatus());
        } catch (WorkflowNotFoundException e) {
            return Optional.empty();
        }
    }

    /** A status as people write it: running, completed, failed, cancelled, terminated, timed out. */
    static String word(WorkflowExecutionStatus s) {
        if (s == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED) return "cancelled";
        return s.name().replaceFirst("^WORKFLOW_EXECUTION_STATUS_", "").toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    @Override
    public void close() { service.shutdown(); }
}
