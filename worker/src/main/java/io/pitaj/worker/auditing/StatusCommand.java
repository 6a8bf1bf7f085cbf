package io.pitaj.worker.auditing;

import io.pitaj.workflows.LadderWorkflow;
import io.pitaj.workflows.RunProgress;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code pita status RUN}: the stages of a run the store holds (complete ones: their provenance record exists), and,
 * on a cluster, the workflow's state: what it reports while running (rung, stage, stages done, energy evaluations),
 * else how it ended (completed, failed, cancelled, ...).
 */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show a run's completed stages (from the store) and, on a cluster, its live progress.")
public final class StatusCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private StoredRunOptions run;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (RunStore stored = run.open()) {
            List<RunStore.Stored> records = stored.records();
            long energy = records.stream().mapToLong(s -> s.record().energyEvaluations()).sum();
            boolean reported = records.stream().anyMatch(s -> s.record().kind().equals("report"));
            out.printf(Locale.ROOT, "run %s: %d stages complete, %,d target energy evaluations, %s%n", run.runId, records.size(), energy,
                    reported ? "report written" : "no report yet");
            for (RunStore.Stored s : records) {
                out.printf(Locale.ROOT, "  %-28s %-12s attempt %d  %s%n", s.record().stage(), s.record().kind(), s.record().attempt(), s.record().ended());
            }
        }
        if (run.cluster.cluster()) {
            try (ClusterWorkflow workflow = ClusterWorkflow.connect(run.cluster, run.runId)) {
                Optional<WorkflowExecutionStatus> status = workflow.status();
                if (status.isEmpty()) {
                    out.printf(Locale.ROOT, "workflow: none on %s (namespace %s)%n", run.cluster.temporal(), run.cluster.namespace());
                } else if (status.get() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
                    try {
                        RunProgress p = workflow.client.newWorkflowStub(LadderWorkflow.class, run.runId).progress();
                        out.printf(Locale.ROOT, "workflow: running, %s, rung %d, %d/%d stages, %,d energy evaluations%n", p.stage(), p.rung(),
                                p.stagesDone(), p.stagesTotal(), p.energyEvaluations());
                    } catch (RuntimeException e) {
                        // a query needs a cpu worker to answer it, and between continue-as-new segments there is no run to ask
                        out.printf(Locale.ROOT, "workflow: running, no progress to show now (%s)%n", e.getMessage());
                    }
                } else {
                    boolean cancelled = status.get() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED;
                    out.printf(Locale.ROOT, "workflow: %s%s%n", ClusterWorkflow.word(status.get()),
                            cancelled ? "; 'pita run' with --run-id " + run.runId + " resumes from the stages above" : "");
                }
            }
        }
        out.flush();
        return 0;
    }
}
