package io.pitaj.worker.benchmarking;

import io.pitaj.worker.ArchitectureOptions;
import io.pitaj.worker.JsonOutput;
import io.pitaj.worker.RuntimeOptions;
import io.pitaj.worker.UserInputException;
import com.fasterxml.jackson.core.JsonGenerator;
import io.pitaj.models.bench.SmcStepBenchmark;
import io.pitaj.models.nets.BackboneConfig;
import io.pitaj.models.nets.DitConfig;
import io.pitaj.models.nets.DivergenceMode;
import io.pitaj.models.nets.EgnnConfig;
import io.pitaj.models.nets.MlpConfig;
import io.pitaj.models.nets.ReferenceNetworks;
import io.pitaj.models.runtime.ExecutionProvider;
import io.pitaj.models.runtime.SessionSettings;
import io.pitaj.models.systems.SystemInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pita bench divergence}: what one SMC step of a score/energy model pair costs in ONNX Runtime — the forward
 * pass, the step with the exact divergence and the step with Hutchinson's estimate, in median milliseconds per batch,
 * plus the exact graph's session time and the process's peak memory.
 */
@Command(name = "divergence", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Milliseconds per batch for one SMC step of two networks: forward, exact divergence, Hutchinson.")
final class BenchDivergenceCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private BenchCommand parent;

    @Option(names = "--system", defaultValue = "lj13", description = "System whose shapes and schedule are used (default ${DEFAULT-VALUE}).")
    private String system;

    @Mixin
    private ArchitectureOptions architecture;

    @Option(names = "--batch", defaultValue = "64", description = "Particles per call (default ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--per-pass", description = "Coordinates per backward pass of the exact divergence (default: the device's rule).")
    private Integer perPass;

    @Option(names = "--probes", defaultValue = "1", description = "Rademacher probes of the Hutchinson estimate (default ${DEFAULT-VALUE}).")
    private int probes;


    @Mixin
    private RuntimeOptions runtime;

    @Option(names = "--reps", defaultValue = "5", description = "Timed calls per graph (default ${DEFAULT-VALUE}).")
    private int reps;

    @Option(names = "--warmup", defaultValue = "1", description = "Untimed calls per graph first (default ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the weights and the inputs (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        if (reps < 1 || warmup < 0) throw new UserInputException("--reps must be at least 1 and --warmup not negative");
        if (probes < 1) throw new UserInputException("--probes must be at least 1, got " + probes);
        if (batch < 1) throw new UserInputException("--batch must be at least 1, got " + batch);
        if (perPass != null && perPass < 1) throw new UserInputException("--per-pass must be at least 1, got " + perPass);
        SystemInfo<?> info = parent.pita().system(system);
        ReferenceNetworks.Choice reference = ReferenceNetworks.forSystem(info);
        ExecutionProvider provider = runtime.provider();
        int threadCount = runtime.threadCount();
        SmcStepBenchmark bench;
        SessionSettings settings;
        try {
            BackboneConfig config = architecture.resolve(info, reference.backbone());
            int k = perPass != null ? perPass : DivergenceMode.Exact.forDevice(provider, config.sampleSize()).perPass();
            bench = new SmcStepBenchmark(config, reference.schedule(), batch, k, probes, seed);
            settings = SessionSettings.of(provider, threadCount);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "bench: %s on %s, batch %d, %d coordinates per backward pass, Hutchinson with %d probe%s%n",
                bench.backbone().kind(), system, batch, bench.perPass(), probes, probes == 1 ? "" : "s");
        err.flush();
        SmcStepBenchmark.Result r = bench.run(settings, warmup, reps, graph -> {
            err.println("bench: building and timing the " + graph + " step graph");
            err.flush();
        });
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try (JsonGenerator g = JsonOutput.generator(out)) {
                g.writeStartObject();
                g.writeStringField("system", system);
                g.writeStringField("arch", bench.backbone().kind());
                g.writeNumberField("parameters_per_network", r.parametersPerNetwork());
                g.writeNumberField("batch", batch);
                g.writeNumberField("threads", threadCount);
                g.writeStringField("provider", r.provider().id());
                g.writeNumberField("per_pass", bench.perPass());
                g.writeNumberField("probes", probes);
                g.writeNumberField("session_s", r.sessionSeconds());
                g.writeNumberField("forward_ms", r.forwardMs());
                g.writeNumberField("exact_ms", r.exactMs());
                g.writeNumberField("hutchinson_ms", r.hutchinsonMs());
                g.writeNumberField("exact_onnx_nodes", r.exactOnnxNodes());
                g.writeNumberField("exact_model_mb", r.exactModelBytes() / 1e6);
                g.writeNumberField("peak_rss_mb", r.peakResidentBytes() / 1e6);
                g.writeEndObject();
                g.writeRaw('\n');
            }
        } else {
            out.printf(Locale.ROOT, "%s on %s, batch %d: forward %.1f ms, exact %.1f ms (%d per pass), Hutchinson/%d %.1f ms; "
                            + "exact graph %d nodes, session %.1f s; peak memory %.0f MB (%s)%n",
                    bench.backbone().kind(), system, batch, r.forwardMs(), r.exactMs(), bench.perPass(), probes, r.hutchinsonMs(),
                    r.exactOnnxNodes(), r.sessionSeconds(), r.peakResidentBytes() / 1e6, r.provider().id());
            out.flush();
        }
        return 0;
    }

}
