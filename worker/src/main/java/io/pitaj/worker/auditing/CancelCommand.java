package io.pitaj.worker.auditing;

import io.pitaj.worker.UserInputException;
import io.pitaj.workflows.RunOutcome;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.failure.CanceledFailure;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code pita cancel RUN}: cancels a run on a cluster and waits until it has ended cancelled, which is once every
 * running stage has stopped (the pipeline's activities wait for that). Nothing stored is touched: the completed
 * stages stay, and {@code pita run} with the same run id resumes from them. Embedded runs cannot be reached: their
 * Temporal server lives inside their own {@code pita run} process, whose Ctrl-C is their cancel.
 */
@Command(name = "cancel", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Cancel a run on a cluster: its running stages stop, its stored stages stay, and rerunning its id resumes from them.")
public final class CancelCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private StoredRunOptions run;

    @Override
    public Integer call() {
        if (!run.cluster.cluster()) {
            throw new UserInputException("pita cancel reaches runs on a cluster (--temporal HOST:PORT --s3 URL); an embedded run's Temporal server lives in"
                    + " its own 'pita run' process: stop that process (Ctrl-C) and rerun the same run id to resume from its stored stages");
        }
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        try (ClusterWorkflow workflow = ClusterWorkflow.connect(run.cluster, run.runId)) {
            WorkflowExecutionStatus status = workflow.status().orElseThrow(() -> new UserInputException("Temporal at " + run.cluster.temporal()
                    + " (namespace " + run.cluster.namespace() + ") has no run '" + run.runId + "'; 'pita status' lists what the store holds"));
            if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
                throw new UserInputException("run " + run.runId + " is not running (it " + ClusterWorkflow.word(status) + "); there is nothing to cancel");
            }
            try {
                workflow.stub.cancel("pita cancel");
            } catch (WorkflowNotFoundException e) {
                throw new UserInputException("run " + run.runId + " ended before the cancellation reached it; there is nothing to cancel", e);
            }
            err.printf(Locale.ROOT, "run %s: cancellation requested; waiting for its running stages to stop%n", run.runId);
            err.flush();
            try {
                workflow.stub.getResult(RunOutcome.class);
                throw new UserInputException("run " + run.runId + " finished before the cancellation reached it; there is nothing to cancel");
            } catch (WorkflowFailedException e) {
                if (!(e.getCause() instanceof CanceledFailure)) {
                    throw new UserInputException("run " + run.runId + " failed before the cancellation reached it: " + e.getCause().getMessage(), e);
                }
            }
        }
        int kept;
        try (RunStore stored = run.open()) {
            kept = stored.completeStages().size();
        }
        out.printf(Locale.ROOT, "run %s cancelled: its %d completed stages stay in the store; 'pita run' with --run-id %s resumes from them%n", run.runId,
                kept, run.runId);
        out.flush();
        return 0;
    }
}
