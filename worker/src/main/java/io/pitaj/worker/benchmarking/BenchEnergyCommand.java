package io.pitaj.worker.benchmarking;

import io.pitaj.worker.JsonOutput;
import io.pitaj.worker.UserInputException;
import com.fasterxml.jackson.core.JsonGenerator;
import io.pitaj.models.metrics.Statistics;
import io.pitaj.models.systems.ConfigurationBatch;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.models.targets.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pita bench energy}: batched energy (and force) throughput of a target on typical configurations. Warms up
 * for a fifth of the budget, then times {@value #REPETITIONS} equal slices of it and reports the median rate.
 */
@Command(name = "energy", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Energy evaluations per second of a system's target on a batch of typical configurations.")
final class BenchEnergyCommand implements Callable<Integer> {
    private static final int REPETITIONS = 10;
    /** Fixed so that repeated runs time the same configurations. */
    private static final long SEED = 20250101L;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private BenchCommand bench;

    @Option(names = "--system", required = true, paramLabel = "NAME", description = "System name (see 'pita systems'), or a Gaussian-mixture FILE.json.")
    private String systemName;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "1024", description = "Configurations per call (default ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--threads", paramLabel = "K", description = "Threads per call (default: all processors).")
    private Integer threads;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "5", description = "Measurement time (default ${DEFAULT-VALUE}); warm-up adds S/5.")
    private double seconds;

    @Option(names = "--forces", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Evaluate gradients too (default on; --no-forces for energies only).")
    private boolean forces;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (batch < 1) throw new UserInputException("--batch must be at least 1, got " + batch);
        if (threadCount < 1) throw new UserInputException("--threads must be at least 1, got " + threadCount);
        if (!(seconds > 0) || Double.isInfinite(seconds)) throw new UserInputException("--seconds must be positive and finite, got " + seconds);
        SystemInfo<?> system = bench.pita().system(systemName);
        PrintWriter err = spec.commandLine().getErr();
        ConfigurationBatch work = system.sampleBatch(TargetOptions.DEFAULTS, batch, SEED);
        double evalsPerSecond;
        try (Target target = work.target().threads(threadCount)) {
            double[] energies = new double[batch];
            double[] grad = forces ? new double[batch * target.dimension()] : null;
            progress(err, String.format(Locale.ROOT, "bench: %s, batch %d, %d %s, forces %s: warming up for %.2f s",
                    system.name(), batch, threadCount, threadCount == 1 ? "thread" : "threads", forces ? "on" : "off", seconds / 5));
            evaluateFor(target, work, energies, grad, seconds / 5);
            double[] rates = new double[REPETITIONS];
            for (int r = 0; r < REPETITIONS; r++) {
                rates[r] = evaluateFor(target, work, energies, grad, seconds / REPETITIONS);
                progress(err, String.format(Locale.ROOT, "bench: repetition %d/%d: %.4g evaluations/s", r + 1, REPETITIONS, rates[r]));
            }
            evalsPerSecond = Statistics.median(rates);
        }
        report(system, threadCount, evalsPerSecond);
        return 0;
    }

    /** Evaluates the batch repeatedly (at least once) for about {@code budget} seconds; returns configurations per second. */
    private static double evaluateFor(Target target, ConfigurationBatch work, double[] energies, double[] grad, double budget) {
        long start = System.nanoTime();
        long limit = (long) (budget * 1e9);
        long calls = 0, elapsed;
        do {
            target.energies(work.x(), work.size(), energies, grad);
            calls++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < limit);
        return calls * (double) work.size() / (elapsed * 1e-9);
    }

    private void report(SystemInfo<?> system, int threadCount, double evalsPerSecond) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try (JsonGenerator g = JsonOutput.generator(out)) {
                g.writeStartObject();
                g.writeStringField("system", system.name());
                g.writeNumberField("batch", batch);
                g.writeNumberField("threads", threadCount);
                g.writeBooleanField("forces", forces);
                g.writeNumberField("seconds", seconds);
                g.writeNumberField("evals_per_second", evalsPerSecond);
                g.writeEndObject();
                g.writeRaw('\n');
            }
        } else {
            out.printf(Locale.ROOT, "%s: %.4g evaluations/s (batch %d, %d %s, forces %s, median of %d × %.2f s)%n",
                    system.name(), evalsPerSecond, batch, threadCount, threadCount == 1 ? "thread" : "threads", forces ? "on" : "off", REPETITIONS, seconds / REPETITIONS);
            out.flush();
        }
    }

    private static void progress(PrintWriter err, String line) {
        err.println(line);
        err.flush();
    }
}
