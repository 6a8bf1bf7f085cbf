package io.pitaj.worker;

import io.pitaj.models.systems.SystemCatalog;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.UnknownSystemException;
import io.pitaj.models.targets.GaussianMixture;
import io.pitaj.models.targets.MixtureFormatException;
import io.pitaj.models.targets.MixtureSpec;
import io.pitaj.worker.auditing.CancelCommand;
import io.pitaj.worker.auditing.ExportCommand;
import io.pitaj.worker.auditing.ProvenanceCommand;
import io.pitaj.worker.auditing.StatusCommand;
import io.pitaj.worker.benchmarking.BenchCommand;
import io.pitaj.worker.inspecting.EnergyCommand;
import io.pitaj.worker.inspecting.SystemsCommand;
import io.pitaj.worker.inspecting.EvalCommand;
import io.pitaj.worker.inspecting.PlotCommand;
import io.pitaj.worker.running.AnnealCommand;
import io.pitaj.worker.running.ReferenceCommand;
import io.pitaj.worker.running.RunCommand;
import io.pitaj.worker.running.WorkerCommand;
import io.pitaj.worker.running.SampleCommand;
import io.pitaj.worker.running.TrainCommand;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code pita} executable. */
@Command(name = "pita", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "PITA-J: sample Boltzmann densities by progressive inference-time annealing.",
        subcommands = {SystemsCommand.class, EnergyCommand.class, SampleCommand.class, AnnealCommand.class, TrainCommand.class, RunCommand.class, WorkerCommand.class, StatusCommand.class, CancelCommand.class, ProvenanceCommand.class, ExportCommand.class, EvalCommand.class, PlotCommand.class, ReferenceCommand.class, BenchCommand.class})
public final class PitaCli implements Runnable {
    @Spec
    private CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces with error messages.")
    private boolean verbose;

    private final SystemCatalog catalog;

    public PitaCli(SystemCatalog catalog) {
        this.catalog = catalog;
    }

    public static void main(String[] args) {
        System.exit(commandLine(SystemCatalog.builtIn()).execute(args));
    }

    /** The configured command line over {@code catalog}; tests pass their own catalogue. */
    public static CommandLine commandLine(SystemCatalog catalog) {
        ErrorReporter errors = new ErrorReporter();
        return new CommandLine(new PitaCli(catalog))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
    }

    public SystemCatalog catalog() { return catalog; }

    /**
     * The system called {@code name}, or a user error listing the known ones. A name ending in {@code .json} is a
     * Gaussian-mixture file instead (see docs/mixtures.md): only the suffix decides, so a file in the working
     * directory can never shadow a catalogued system.
     */
    public SystemInfo<?> system(String name) {
        if (name.toLowerCase(Locale.ROOT).endsWith(".json")) return mixtureFile(name);
        try {
            return catalog.get(name);
        } catch (UnknownSystemException e) {
            throw new UserInputException(e.getMessage() + " (see 'pita systems')", e);
        }
    }

    /** A mixture file as a system named after the file (without .json), at its own temperature only. */
    private static SystemInfo<GaussianMixture> mixtureFile(String name) {
        MixtureSpec spec;
        Path file;
        try {
            file = Path.of(name);
            spec = MixtureSpec.read(file);
        } catch (InvalidPathException e) {
            throw new UserInputException("'" + name + "' is not a valid path: " + e.getReason(), e);
        } catch (NoSuchFileException e) {
            throw new UserInputException("mixture file " + name + " does not exist", e);
        } catch (IOException e) {
            throw new UserInputException("cannot read mixture file " + name + ": " + e.getMessage(), e);
        } catch (MixtureFormatException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        String base = file.getFileName().toString();
        String system = base.substring(0, base.length() - ".json".length());
        String description = spec.components() + "-component " + spec.dimension() + "-D Gaussian mixture from " + name;
        return SystemCatalog.mixture(system, description, spec, SystemCatalog.TARGET_ONLY);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }
}
