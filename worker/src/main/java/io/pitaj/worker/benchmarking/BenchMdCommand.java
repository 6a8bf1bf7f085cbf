package io.pitaj.worker.benchmarking;

import com.fasterxml.jackson.core.JsonGenerator;
import io.pitaj.models.bench.MdBenchmark;
import io.pitaj.models.sampling.mcmc.LangevinMd;
import io.pitaj.models.systems.ConfigurationBatch;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.models.targets.Target;
import io.pitaj.worker.JsonOutput;
import io.pitaj.worker.UserInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pita bench md}: BAOAB Langevin steps per second for a batch of independent chains (PITA's peptide settings by default). */
@Command(name = "md", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Langevin dynamics steps per second, per chain and in aggregate, for a batch of chains.")
final class BenchMdCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private BenchCommand bench;

    @Option(names = "--system", defaultValue = "aldp", description = "System (default ${DEFAULT-VALUE}).")
    private String system;

    @Option(names = "--chains", defaultValue = "256", description = "Chains advanced together (default ${DEFAULT-VALUE}).")
    private int chains;

    @Option(names = "--steps", defaultValue = "200", description = "Timed steps (default ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--warmup", defaultValue = "20", description = "Untimed steps first (default ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--temperature", description = "Temperature (default: the system's hottest rung, where PITA's data are made).")
    private Double temperature;

    @Option(names = "--threads", description = "Threads for the batched force calls (default: all processors).")
    private Integer threads;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print the result as one JSON line.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        if (chains < 1 || steps < 1 || warmup < 0) throw new UserInputException("--chains and --steps must be at least 1, --warmup not negative");
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (t < 1) throw new UserInputException("--threads must be at least 1, got " + t);
        SystemInfo<?> info = bench.pita().system(system);
        double temp = temperature != null ? temperature : info.ladder().get(0);
        LangevinMd md = LangevinMd.defaults(info.unit());
        ConfigurationBatch start = info.sampleBatch(TargetOptions.DEFAULTS, chains, seed);
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "bench: Langevin MD on %s, %d chains, %d steps at T = %s, %d threads%n", system, chains, steps, temp, t);
        err.flush();
        MdBenchmark.Result r;
        try (Target target = start.target()) {
            target.threads(t);
            r = new MdBenchmark(md, chains, steps, warmup, seed).run(target, temp, start.x());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try (JsonGenerator g = JsonOutput.generator(out)) {
                g.writeStartObject();
                g.writeStringField("system", system);
                g.writeNumberField("chains", chains);
                g.writeNumberField("steps", steps);
                g.writeNumberField("threads", t);
                g.writeNumberField("time_step", md.timeStepPs());
                g.writeNumberField("steps_per_s", r.stepsPerSecondPerChain());
                g.writeNumberField("aggregate_steps_per_s", r.aggregateStepsPerSecond());
                g.writeNumberField("kinetic_temperature", r.kineticTemperature());
                g.writeEndObject();
                g.writeRaw('\n');
            }
        } else {
            out.printf(Locale.ROOT, "Langevin MD on %s, %d chains: %.1f steps/s per chain, %.0f steps/s in aggregate (kinetic temperature %.0f)%n",
                    system, chains, r.stepsPerSecondPerChain(), r.aggregateStepsPerSecond(), r.kineticTemperature());
        }
        out.flush();
        return 0;
    }
}
