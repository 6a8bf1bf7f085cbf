package io.pitaj.worker.running;

import io.pitaj.activities.store.SampleSet;
import io.pitaj.activities.store.SampleSetCodec;
import io.pitaj.models.systems.ConfigurationBatch;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.models.targets.EnergyUnit;
import io.pitaj.models.targets.Target;
import io.pitaj.worker.PitaCli;
import io.pitaj.worker.UserInputException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pita sample exact}: independent exact Boltzmann samples at the target temperature, for systems that have an
 * exact sampler (GMM-40), written as an Arrow sample set with energies and forces. MCMC and MD samplers for the
 * other systems are the samplers issue's; this mode gives ground truth and a training set from a clean checkout.
 */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write samples of a system as an Arrow sample set (mode 'exact': systems with an exact sampler).")
public final class SampleCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private PitaCli pita;

    @Parameters(index = "0", paramLabel = "exact", description = "Sampling mode: exact.")
    private String mode;

    @Option(names = "--system", required = true, description = "System to sample (see 'pita systems'), or a Gaussian-mixture FILE.json.")
    private String system;

    @Option(names = "--count", defaultValue = "10000", description = "Number of samples (default ${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--out", required = true, paramLabel = "FILE.arrow", description = "Output file (never overwritten).")
    private Path out;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() {
        if (!mode.equals("exact")) throw new UserInputException("unknown sampling mode '" + mode + "'; available: exact");
        if (count < 1) throw new UserInputException("--count must be at least 1, got " + count);
        SystemInfo<?> info = pita.system(system);
        if (!info.hasExactSampler()) {
            throw new UserInputException("system '" + info.name() + "' has no exact sampler (exact: gmm40); MCMC and MD samplers are not built yet");
        }
        if (Files.exists(out)) throw new UserInputException(out + " already exists; choose another --out");
        ConfigurationBatch b = info.sampleBatch(TargetOptions.DEFAULTS, count, seed);
        int d = info.dimension();
        double[] energy = new double[count], grad = new double[count * d];
        try (Target target = b.target()) {
            target.energies(b.x(), count, energy, grad);
        }
        for (int i = 0; i < grad.length; i++) grad[i] = -grad[i];
        String units = info.unit() == EnergyUnit.REDUCED ? "reduced" : "nm,kJ/mol";
        SampleSet set = new SampleSet(info.name(), info.targetTemperature(), units, List.of(), "pita sample exact", seed, d,
                b.x(), new double[count], energy, grad);
        try {
            SampleSetCodec.write(set, out);
        } catch (UncheckedIOException e) {
            throw new UserInputException("cannot write " + out + ": " + e.getMessage(), e);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "wrote %d exact samples of %s at T = %s to %s%n", count, info.name(), info.targetTemperature(), out);
        o.flush();
        return 0;
    }
}
