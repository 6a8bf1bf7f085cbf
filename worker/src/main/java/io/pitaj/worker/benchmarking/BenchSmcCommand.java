package io.pitaj.worker.benchmarking;

import com.fasterxml.jackson.core.JsonGenerator;
import io.pitaj.models.bench.SmcBenchmark;
import io.pitaj.models.nets.BackboneConfig;
import io.pitaj.models.nets.ReferenceNetworks;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.models.targets.Target;
import io.pitaj.worker.ArchitectureOptions;
import io.pitaj.worker.JsonOutput;
import io.pitaj.worker.RuntimeOptions;
import io.pitaj.worker.UserInputException;
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
 * {@code pita bench smc}: whole Feynman–Kac SMC steps of two random networks with the exact divergence, as
 * {@code pita anneal} runs them; particle-steps per second and where the time goes.
 */
@Command(name = "smc", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Particle-steps per second of Feynman-Kac SMC with two random networks and the exact divergence.")
final class BenchSmcCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private BenchCommand bench;

    @Option(names = "--system", defaultValue = "lj13", description = "System (default ${DEFAULT-VALUE}).")
    private String system;

    @Mixin
    private ArchitectureOptions architecture;

    @Option(names = "--particles", defaultValue = "512", description = "Particles (default ${DEFAULT-VALUE}).")
    private int particles;

    @Option(names = "--steps", defaultValue = "20", description = "SMC steps (default ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--chunk", description = "Particles per network call (default: all).")
    private Integer chunk;

    @Mixin
    private RuntimeOptions runtime;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print the result as one JSON line.")
    private boolean json;

    @Override
    public Integer call() throws java.io.IOException {
        if (particles < 1 || steps < 1) throw new UserInputException("--particles and --steps must be at least 1");
        int c = chunk != null ? chunk : particles;
        if (c < 1) throw new UserInputException("--chunk must be at least 1, got " + c);
        SystemInfo<?> info = bench.pita().system(system);
        ReferenceNetworks.Choice reference = ReferenceNetworks.forSystem(info);
        SmcBenchmark b;
        try {
            BackboneConfig config = architecture.resolve(info, reference.backbone());
            b = new SmcBenchmark(config, reference.schedule(), info.meanFree() ? java.util.Optional.of(info.layout()) : java.util.Optional.empty(), particles, steps, c, info.name().startsWith("lj"), seed);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "bench: SMC on %s, %s, %d particles, %d steps, chunk %d%n", system, b.backbone().kind(), particles, steps, c);
        err.flush();
        SmcBenchmark.Result r;
        try (Target target = info.create(TargetOptions.DEFAULTS)) {
            target.threads(runtime.threadCount());
            r = b.run(target, info.targetTemperature(), runtime.session(), (k, total, ess) -> {
                err.printf(Locale.ROOT, "bench: step %d/%d%n", k, total);
                err.flush();
            });
        }
        PrintWriter out = spec.commandLine().getOut();
        double loop = r.loopSeconds();
        if (json) {
            try (JsonGenerator g = JsonOutput.generator(out)) {
                g.writeStartObject();
                g.writeStringField("system", system);
                g.writeStringField("arch", b.backbone().kind());
                g.writeNumberField("particles", particles);
                g.writeNumberField("steps", steps);
                g.writeNumberField("chunk", c);
                g.writeNumberField("threads", runtime.threadCount());
                g.writeStringField("provider", r.provider());
                g.writeNumberField("particle_steps_per_s", r.particleStepsPerSecond());
                g.writeNumberField("setup_s", r.setupSeconds());
                g.writeNumberField("loop_s", loop);
                g.writeNumberField("share_forward", r.forwardSeconds() / loop);
                g.writeNumberField("share_divergence", (r.networkSeconds() - r.forwardSeconds()) / loop);
                g.writeNumberField("share_target", r.targetSeconds() / loop);
                g.writeNumberField("share_resampling", r.resamplingSeconds() / loop);
                g.writeNumberField("share_host", (loop - r.networkSeconds() - r.targetSeconds() - r.resamplingSeconds()) / loop);
                g.writeNumberField("target_evaluations", r.targetEvaluations());
                g.writeNumberField("model_evaluations", r.modelEvaluations());
                g.writeEndObject();
                g.writeRaw('\n');
            }
        } else {
            out.printf(Locale.ROOT, "SMC on %s (%s, %d particles, %d steps): %.1f particle-steps/s; networks %.0f%% (forward %.0f%%), "
                            + "target %.1f%%, resampling %.1f%%; setup %.1f s%n", system, b.backbone().kind(), particles, steps,
                    r.particleStepsPerSecond(), 100 * r.networkSeconds() / loop, 100 * r.forwardSeconds() / loop,
                    100 * r.targetSeconds() / loop, 100 * r.resamplingSeconds() / loop, r.setupSeconds());
        }
        out.flush();
        return 0;
    }
}
