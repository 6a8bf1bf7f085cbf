package io.pitaj.worker.benchmarking;

import com.fasterxml.jackson.core.JsonGenerator;
import io.pitaj.models.bench.PitaStepBenchmark;
import io.pitaj.models.nets.BackboneConfig;
import io.pitaj.models.nets.DitConfig;
import io.pitaj.models.nets.ReferenceNetworks;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.train.LossWeights;
import io.pitaj.models.train.ReferenceTraining;
import io.pitaj.worker.ArchitectureOptions;
import io.pitaj.worker.JsonOutput;
import io.pitaj.worker.RuntimeOptions;
import io.pitaj.worker.UserInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pita bench train-step}: median milliseconds of one full PITA optimiser step (both networks, every loss term,
 * double backprop, clipping, Adam, EMA, dropout) through the path of {@code pita train}, and the peak memory.
 */
@Command(name = "train-step", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Milliseconds per PITA training step (both networks, all loss terms) through the pita train path.")
final class BenchTrainStepCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private BenchCommand bench;

    @Option(names = "--system", defaultValue = "lj13", description = "System whose shapes, schedule and loss weights are used (default ${DEFAULT-VALUE}).")
    private String system;

    @Mixin
    private ArchitectureOptions architecture;

    @Option(names = "--batch", description = "Samples per step (default: the system's reference batch).")
    private Integer batch;

    @Option(names = "--loss-weights", paramLabel = "S,ES,EM,TS",
            description = "Weights of score, energy_score, energy_matching, target_score (default: the system's; 0 leaves a term out).")
    private String lossWeights;

    @Option(names = "--dropout", description = "DiT dropout rate instead of the reference 0.1 (0 turns it off).")
    private Double dropout;

    @Option(names = "--steps", defaultValue = "20", description = "Timed steps (default ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed steps first (default ${DEFAULT-VALUE}).")
    private int warmup;

    @Mixin
    private RuntimeOptions runtime;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        if (steps < 1 || warmup < 0) throw new UserInputException("--steps must be at least 1 and --warmup not negative");
        if (batch != null && batch < 1) throw new UserInputException("--batch must be at least 1, got " + batch);
        SystemInfo<?> info = bench.pita().system(system);
        ReferenceNetworks.Choice reference = ReferenceNetworks.forSystem(info);
        BackboneConfig config = withDropout(architecture.resolve(info, reference.backbone()));
        LossWeights weights = lossWeights == null ? ReferenceTraining.weights(info) : parseWeights(lossWeights);
        int b = batch != null ? batch : ReferenceTraining.batchSize(info);
        int threadCount = runtime.threadCount();
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "bench: PITA step of two %s networks on %s, batch %d, %d threads%n", config.kind(), system, b, threadCount);
        err.flush();
        PitaStepBenchmark.Result r = new PitaStepBenchmark(info, config, reference.schedule(), b, weights)
                .run(runtime.session(), warmup, steps, i -> {
                    if (i == 1) err.println("bench: graph built, first step done");
                    else if (i > warmup && (i - warmup) % Math.max(1, steps / 5) == 0) err.printf(Locale.ROOT, "bench: %d/%d timed steps%n", i - warmup, steps);
                    err.flush();
                });
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try (JsonGenerator g = JsonOutput.generator(out)) {
                g.writeStartObject();
                g.writeStringField("system", system);
                g.writeStringField("arch", config.kind());
                g.writeNumberField("parameters", r.parameters());
                g.writeNumberField("batch", b);
                g.writeNumberField("threads", threadCount);
                g.writeStringField("provider", r.provider().id());
                g.writeNumberField("steps", steps);
                g.writeStringField("loss_weights", weights.score() + "," + weights.energyScore() + "," + weights.energyMatching() + ","
                        + weights.targetScore());
                g.writeNumberField("dropout", config.dropout());
                g.writeNumberField("ms_per_step", r.msPerStep());
                g.writeNumberField("first_loss", r.firstLoss());
                g.writeNumberField("last_loss", r.lastLoss());
                g.writeNumberField("peak_rss_mb", r.peakResidentBytes() / 1e6);
                g.writeEndObject();
                g.writeRaw('\n');
            }
        } else {
            out.printf(Locale.ROOT, "train-step: %s on %s, batch %d: %.1f ms/step (median of %d, %s, %d threads); loss %.4g → %.4g; peak memory %.0f MB%n",
                    config.kind(), system, b, r.msPerStep(), steps, r.provider().id(), threadCount, r.firstLoss(), r.lastLoss(),
                    r.peakResidentBytes() / 1e6);
            out.flush();
        }
        return 0;
    }

    private BackboneConfig withDropout(BackboneConfig config) {
        if (dropout == null) return config;
        if (!(config instanceof DitConfig d)) throw new UserInputException("--dropout: only the DiT has dropout");
        try {
            return new DitConfig(d.atoms(), d.spatialDim(), d.hidden(), d.blocks(), d.heads(), d.condDim(), d.mlpRatio(), d.frequencyDim(),
                    d.betaConditioned(), dropout);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--dropout: " + e.getMessage());
        }
    }

    private static LossWeights parseWeights(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4) throw new UserInputException("--loss-weights needs four numbers S,ES,EM,TS, got '" + text + "'");
        try {
            return new LossWeights(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
                    Double.parseDouble(parts[3]));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--loss-weights: " + e.getMessage());
        }
    }
}
