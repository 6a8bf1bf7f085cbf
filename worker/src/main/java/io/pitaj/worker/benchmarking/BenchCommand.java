package io.pitaj.worker.benchmarking;

import io.pitaj.worker.PitaCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pita bench}: groups the micro-benchmarks; each one is a subcommand class listed here. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure the speed of parts of the pipeline.",
        subcommands = {BenchEnergyCommand.class, BenchTrainStepCommand.class, BenchMlpStepCommand.class, BenchDivergenceCommand.class, BenchSmcCommand.class, BenchMdCommand.class, BenchEstimatorsCommand.class})
public final class BenchCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private PitaCli pita;

    PitaCli pita() { return pita; }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing benchmark");
    }
}
