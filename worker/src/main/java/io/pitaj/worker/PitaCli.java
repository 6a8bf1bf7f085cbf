package io.pitaj.worker;

import io.pitaj.models.systems.SystemCatalog;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.UnknownSystemException;
import io.pitaj.worker.benchmarking.BenchCommand;
import io.pitaj.worker.inspecting.EnergyCommand;
import io.pitaj.worker.inspecting.SystemsCommand;
import io.pitaj.worker.running.SampleCommand;
import io.pitaj.worker.running.TrainCommand;
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
        subcommands = {SystemsCommand.class, EnergyCommand.class, SampleCommand.class, TrainCommand.class, BenchCommand.class})
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

    /** The system called {@code name}, or a user error listing the known ones. */
    public SystemInfo<?> system(String name) {
        try {
            return catalog.get(name);
        } catch (UnknownSystemException e) {
            throw new UserInputException(e.getMessage() + " (see 'pita systems')", e);
        }
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }
}
