package io.pitaj.worker;

import com.fasterxml.jackson.core.JsonGenerator;
import io.pitaj.models.bench.DivergenceBenchmark;
import io.pitaj.models.runtime.SessionSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pita bench divergence}: what the Jacobian trace of a score network costs in ONNX Runtime — the forward
 * pass, the exact divergence and Hutchinson's estimate, each in median milliseconds per batch.
 */
@Command(name = "divergence", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Milliseconds per batch for an MLP vector field, its exact divergence and a Hutchinson estimate.")
final class BenchDivergenceCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private MlpBenchOptions net;

    @Option(names = "--probes", defaultValue = "1", description = "Rademacher probes of the Hutchinson estimate (default ${DEFAULT-VALUE}).")
    private int probes;

    @Option(names = "--reps", defaultValue = "20", description = "Timed calls per graph (default ${DEFAULT-VALUE}).")
    private int reps;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed calls per graph first (default ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        if (reps < 1 || warmup < 0) throw new UserInputException("--reps must be at least 1 and --warmup not negative");
        if (probes < 1) throw new UserInputException("--probes must be at least 1, got " + probes);
        SessionSettings settings = net.session();
        DivergenceBenchmark bench = new DivergenceBenchmark(net.setup(), probes);
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "bench: %s, %d parameters: forward, exact divergence, Hutchinson (%d probe%s), %d calls each%n",
                net.describe(), bench.parameterCount(), probes, probes == 1 ? "" : "s", reps);
        err.flush();
        DivergenceBenchmark.Result r = bench.run(settings, warmup, reps, graph -> {
            err.println("bench: timing " + graph);
            err.flush();
        });
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try (JsonGenerator g = JsonOutput.generator(out)) {
                g.writeStartObject();
                g.writeNumberField("forward_ms", r.forwardMs());
                g.writeNumberField("exact_divergence_ms", r.exactMs());
                g.writeNumberField("hutchinson_ms", r.hutchinsonMs());
                g.writeNumberField("probes", probes);
                BenchProgress.writeNetwork(g, net);
                g.writeStringField("provider", r.provider().id());
                g.writeNumberField("exact_onnx_nodes", r.exactNodes());
                g.writeEndObject();
                g.writeRaw('\n');
            }
        } else {
            out.printf(Locale.ROOT, "divergence: forward %.3f ms, exact %.3f ms (%.1f× forward), Hutchinson/%d %.3f ms per batch of %d (%s)%n",
                    r.forwardMs(), r.exactMs(), r.exactMs() / r.forwardMs(), probes, r.hutchinsonMs(), net.batch, r.provider().id());
            out.flush();
        }
        return 0;
    }
}
