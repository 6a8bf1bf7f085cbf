package io.pitaj.worker.running;

import io.pitaj.activities.stages.RelaxationPlan;
import io.pitaj.models.targets.EnergyUnit;
import io.pitaj.worker.UserInputException;
import picocli.CommandLine.Option;

/** The options of the relaxation stage after annealing ({@link RelaxationPlan}); off by default, as in the reference. */
final class RelaxOptions {
    @Option(names = "--relax", defaultValue = "0", paramLabel = "STEPS", description = "Relaxation steps at the target temperature (default ${DEFAULT-VALUE}: none).")
    private int steps;

    @Option(names = "--relax-method", defaultValue = "mala", paramLabel = "mala|md", description = "Relaxation kernel (default ${DEFAULT-VALUE}).")
    private String method;

    @Option(names = "--relax-step", paramLabel = "DT",
            description = "MALA's first step (length², adapted every step) or the MD time step (ps for peptides); defaults per unit system.")
    private Double step;

    /** The stage these options ask for, in the target's unit system; a user error for a bad option, even with zero steps. */
    RelaxationPlan plan(EnergyUnit unit) {
        try {
            return RelaxationPlan.of(steps, method, step, unit);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }
}
