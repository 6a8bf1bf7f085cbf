package io.pitaj.worker.auditing;

import io.pitaj.workflows.LadderWorkflow;
import io.pitaj.workflows.RunProgress;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code pita status RUN}: the stages of a run the store holds (complete ones: their provenance record exists), and,
 * on a cluster, what the running workflow reports (rung, stage, stages done, energy evaluations).
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
            run.cluster.requireBoth();
            WorkflowServiceStubs service = run.cluster.service(System.getenv());
            try {
                WorkflowClient client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().setNamespace(run.cluster.namespace()).build());
                RunProgress p = client.newWorkflowStub(LadderWorkflow.class, run.runId).progress();
                out.printf(Locale.ROOT, "workflow: %s, rung %d, %d/%d stages, %,d energy evaluations%s%n", p.stage(), p.rung(), p.stagesDone(),
                        p.stagesTotal(), p.energyEvaluations(), p.finished() ? ", finished" : "");
            } catch (RuntimeException e) {
                out.printf(Locale.ROOT, "workflow: not reachable on %s (%s)%n", run.cluster.temporal(), e.getMessage());
            } finally {
                service.shutdown();
            }
        }
        out.flush();
        return 0;
    }
}
