package io.pitaj.worker.auditing;

import io.pitaj.activities.spec.RunSpecs;
import io.pitaj.workflows.LiveProgress;
import io.pitaj.workflows.RunProgress;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.pitaj.workflows.RunProgressProbe;
import io.pitaj.worker.running.ProgressText;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code pita status RUN}: the stages of a run the store holds (complete ones: their provenance record exists) and
 * the progress they amount to; on a cluster also the workflow's state: while it runs, its live progress with the
 * running stage's percent and ETA from its activities' heartbeats ({@link RunProgressProbe}), else how it ended
 * (completed, failed, cancelled, ...).
 */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show a run's completed stages and progress (from the store) and, on a cluster, its live progress and ETA.")
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
            out.println("progress: " + ProgressText.line(fromStore(stored, records, energy, reported),
                    run.cluster.cluster() ? "see the workflow line" : "the store keeps no live progress; a running pita run prints it on stderr"));
        }
        if (run.cluster.cluster()) {
            try (ClusterWorkflow workflow = ClusterWorkflow.connect(run.cluster, run.runId)) {
                Optional<WorkflowExecutionStatus> status = workflow.status();
                if (status.isEmpty()) {
                    out.printf(Locale.ROOT, "workflow: none on %s (namespace %s)%n", run.cluster.temporal(), run.cluster.namespace());
                } else if (status.get() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
                    try {
                        LiveProgress p = RunProgressProbe.read(workflow.client, run.runId);
                        out.println("workflow: running, " + ProgressText.line(p, "no stage is running"));
                        p.activities().forEach(a -> out.println("  " + ProgressText.activity(a)));
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

    /**
     * What the stored records amount to, in the live progress's terms: the newest rung, the stage that ended last,
     * distinct stages of the run's total (from its stored spec). No activity, so no percent of a running stage.
     */
    private LiveProgress fromStore(RunStore stored, List<RunStore.Stored> records, long energy, boolean reported) {
        int rung = records.stream().map(s -> s.record().rung()).filter(Objects::nonNull).mapToInt(Integer::intValue).max().orElse(0);
        String last = records.stream().max(Comparator.comparing(s -> s.record().ended())).map(s -> s.record().stage()).orElseThrow();
        int done = (int) records.stream().map(s -> s.record().stage()).distinct().count();
        int total = stored.store.stat("runs/" + run.runId + "/spec.yaml")
                .map(ref -> RunProgress.stagesOf(RunSpecs.parse(new String(stored.store.getBytes(ref), StandardCharsets.UTF_8), "the run's stored spec")))
                .orElse(done);
        return new LiveProgress(new RunProgress(rung, reported ? "done" : last + " (last complete)", done, total, energy, 0, reported), null, List.of());
    }
}
