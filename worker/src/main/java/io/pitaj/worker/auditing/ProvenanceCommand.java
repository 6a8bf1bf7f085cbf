package io.pitaj.worker.auditing;

import io.pitaj.activities.provenance.ArtifactRef;
import io.pitaj.activities.provenance.ProvenanceRecord;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code pita provenance RUN}: the chain of a run's stages from the hot samples to the report, each with its
 * attempt, worker, code version, budget and inputs (named by the stage that made them), and every output with its
 * sha256 checked anew against the stored object. Exit code 1 if any object no longer matches.
 */
@Command(name = "provenance", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print a run's provenance chain and check every stored object against its recorded sha256.")
public final class ProvenanceCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private StoredRunOptions run;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int checked = 0, broken = 0;
        try (RunStore stored = run.open()) {
            List<RunStore.Stored> records = stored.records();
            Map<String, String> producer = new HashMap<>();
            for (RunStore.Stored s : records) {
                producer.put(s.ref().sha256(), s.record().stage() + " (provenance)");
                for (ArtifactRef o : s.record().outputs()) producer.put(o.sha256(), s.record().stage());
            }
            out.printf(Locale.ROOT, "run %s: %d stages, from the hot samples to the report%n", run.runId, records.size());
            for (RunStore.Stored s : records) {
                ProvenanceRecord r = s.record();
                out.printf(Locale.ROOT, "%s [%s] attempt %d on %s, code %s, %s → %s, %d energy evaluations%n", r.stage(), r.kind(), r.attempt(),
                        r.runtime().worker(), r.code(), r.started(), r.ended(), r.energyEvaluations());
                for (ArtifactRef in : r.inputs()) {
                    out.printf(Locale.ROOT, "  in   %s  %s  (from %s)%n", in.sha256(), in.uri(), producer.getOrDefault(in.sha256(), "outside the run"));
                }
                for (ArtifactRef o : r.outputs()) {
                    boolean ok = stored.store.verify(o);
                    checked++;
                    if (!ok) broken++;
                    out.printf(Locale.ROOT, "  out  %s  %s  %s%n", o.sha256(), o.uri(), ok ? "matches" : "DOES NOT MATCH its stored object");
                }
            }
            out.printf(Locale.ROOT, "%d stored objects checked: %s%n", checked, broken == 0 ? "every one matches its sha256" : broken + " do not match");
            out.flush();
        }
        return broken == 0 ? 0 : 1;
    }
}
