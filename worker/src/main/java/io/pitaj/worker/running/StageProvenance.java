package io.pitaj.worker.running;

import io.pitaj.activities.provenance.ArtifactRef;
import io.pitaj.activities.provenance.CodeVersion;
import io.pitaj.activities.provenance.ProvenanceRecord;
import io.pitaj.activities.provenance.RuntimeInfo;
import io.pitaj.worker.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The provenance record a standalone command writes beside its output ({@link ProvenanceRecord#sidecar}), and the
 * rule by which a stored output is reused: same parameters, file unchanged since it was recorded.
 */
final class StageProvenance {
    /** Options that say where output goes or how it is shown, not what it is. */
    private static final List<String> NOT_PARAMETERS = List.of("--out", "--help", "--version", "--verbose");

    private StageProvenance() {}

    /** Every option's value, defaults included, by its longest name; {@code resolved} overrides (defaults the command computed). */
    static Map<String, String> parameters(CommandSpec spec, Map<String, String> resolved) {
        Map<String, String> p = new TreeMap<>();
        for (OptionSpec o : spec.options()) {
            if (NOT_PARAMETERS.contains(o.longestName()) || o.getValue() == null) continue;
            p.put(o.longestName(), String.valueOf((Object) o.getValue()));
        }
        p.putAll(resolved);
        return p;
    }

    /** Fails unless neither the output nor its record exists (nothing stored is overwritten). */
    static void checkWritable(Path out) {
        SampleOutput.checkWritable(out);
        Path record = ProvenanceRecord.sidecar(out);
        if (Files.exists(record)) throw new UserInputException(record + " already exists; choose another --out");
    }

    /**
     * The record of a stored output that may be reused for these parameters, or a user error saying why not: no
     * record, other parameters (the first difference named), or a file changed since it was recorded.
     */
    static ProvenanceRecord reusable(Path out, Map<String, String> parameters) {
        Path file = ProvenanceRecord.sidecar(out);
        if (!Files.exists(file)) throw new UserInputException(out + " already exists without a provenance record; choose another --out");
        ProvenanceRecord r;
        try {
            r = ProvenanceRecord.read(file);
        } catch (java.io.UncheckedIOException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        java.util.SortedSet<String> keys = new java.util.TreeSet<>(parameters.keySet());
        keys.addAll(r.parameters().keySet());
        for (String k : keys) {
            if (!Objects.equals(parameters.get(k), r.parameters().get(k))) {
                throw new UserInputException(out + " exists but was made with " + k + " " + r.parameters().get(k) + ", not " + parameters.get(k)
                        + "; choose another --out");
            }
        }
        if (r.outputs().isEmpty() || !r.outputs().get(0).matches(out)) {
            throw new UserInputException(out + " no longer matches the sha256 in " + file + "; it was changed after it was made, so it is not reused");
        }
        return r;
    }

    /** Writes the record of a standalone stage whose one output is {@code out}. */
    static ProvenanceRecord write(String stage, String kind, Path out, Map<String, String> parameters, long seed, Instant started,
                                  long energyEvaluations, Map<String, Double> metrics) {
        ProvenanceRecord r = new ProvenanceRecord(stage, null, kind, List.of(), List.of(ArtifactRef.of(out)), parameters, seed,
                CodeVersion.current(), RuntimeInfo.hostOnly(Runtime.getRuntime().availableProcessors()), started.toString(),
                Instant.now().toString(), 1, energyEvaluations, metrics);
        r.write(ProvenanceRecord.sidecar(out));
        return r;
    }
}
