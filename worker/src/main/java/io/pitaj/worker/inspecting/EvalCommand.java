package io.pitaj.worker.inspecting;

import com.fasterxml.jackson.core.JsonGenerator;
import io.pitaj.activities.store.SampleSet;
import io.pitaj.models.metrics.SampleComparison;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.worker.JsonOutput;
import io.pitaj.worker.PitaCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pita eval}: the metric table of a sample set against a reference set of the same system, temperature and
 * atom order ({@link SampleComparison}); text or one JSON object.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Metrics of a sample set against a reference sample set (energy W1/W2, distance W2, sample W2, peptide torsions, TICA, ESS, mode masses).")
public final class EvalCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private PitaCli pita;

    @Option(names = "--samples", required = true, paramLabel = "A.arrow", description = "The sample set to judge.")
    private Path samples;

    @Option(names = "--reference", required = true, paramLabel = "B.arrow", description = "Reference samples (rows in trajectory order for TICA).")
    private Path reference;

    @Option(names = "--system", description = "System (default: the one named in the sample set; a mixture FILE.json needs it).")
    private String system;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the subsampling for exact OT (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "One JSON object.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        Map<String, Object> table;
        SampleSet a, b;
        SystemInfo<?> info;
        try (ComparedSets sets = ComparedSets.load(pita, samples, reference, system)) {
            table = sets.table(seed);
            a = sets.samples;
            b = sets.reference;
            info = sets.info;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try (JsonGenerator g = JsonOutput.generator(out)) {
                writeJson(g, table);
                g.writeRaw('\n');
            }
        } else {
            out.printf(Locale.ROOT, "%s at T = %s: %d samples against %d reference samples%n", info.name(), a.temperature(), a.count(), b.count());
            for (Map.Entry<String, Object> e : table.entrySet()) {
                String v = e.getValue() instanceof double[] d ? Arrays.toString(Arrays.stream(d).map(x -> Math.round(x * 1e4) / 1e4).toArray())
                        : String.format(Locale.ROOT, "%.6g", (Double) e.getValue());
                out.printf(Locale.ROOT, "  %-22s %s%n", e.getKey(), v);
            }
        }
        out.flush();
        return 0;
    }

    /** The table as one JSON object: numbers, and arrays for per-mode values. */
    static void writeJson(JsonGenerator g, Map<String, Object> table) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Object> e : table.entrySet()) {
            if (e.getValue() instanceof double[] v) {
                g.writeArrayFieldStart(e.getKey());
                for (double d : v) g.writeNumber(d);
                g.writeEndArray();
            } else {
                g.writeNumberField(e.getKey(), (Double) e.getValue());
            }
        }
        g.writeEndObject();
    }
}
