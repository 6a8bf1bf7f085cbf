package io.pitaj.worker.auditing;

import io.pitaj.activities.spec.RunSpecs;
import io.pitaj.workflows.LiveProgress;
import io.pitaj.workflows.RunProgress;
import io.pitaj.workflows.RunProgressProbe;
import io.pitaj.worker.running.ProgressText;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code pita status RUN}: the stages of a run the store holds (complete ones: their provenance record exists) and
 * the progress they amount to; on a cluster also the running workflow's live progress, with the running stage's
 * percent and ETA from its activities' heartbeats ({@link RunProgressProbe}).
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
            run.cluster.requireBoth();
            WorkflowServiceStubs service = run.cluster.service(System.getenv());
            try {
                WorkflowClient client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().setNamespace(run.cluster.namespace()).build());
                LiveProgress p = RunProgressProbe.read(client, run.runId);
                out.println("workflow: " + ProgressText.line(p, "no stage is running"));
                p.activities().forEach(a -> out.println("  " + ProgressText.activity(a)));
            } catch (RuntimeException e) {
                out.printf(Locale.ROOT, "workflow: not reachable on %s (%s)%n", run.cluster.temporal(), e.getMessage());
            } finally {
                service.shutdown();
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
