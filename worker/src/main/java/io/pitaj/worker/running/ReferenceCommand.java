package io.pitaj.worker.running;

import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code pita reference}: a reference sample set for evaluation — exact draws where the system has them, otherwise
 * replica exchange or Langevin MD — with the chains' energy diagnostics (split R-hat, autocorrelation time, ESS)
 * printed and written into the set's attributes. The options are {@code pita sample}'s. The set's provenance record
 * sits beside it; asked again for the same reference (same parameters, file unchanged), it reuses the stored one.
 */
@Command(name = "reference", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a reference sample set (exact, replica exchange or MD) with convergence diagnostics.")
public final class ReferenceCommand extends SampleCommand {
    @Override
    String producer(String method) { return "pita reference " + method; }

    @Override
    List<String> methods() { return List.of("exact", "pt", "md"); }

    /** A reference is made once and reused by later runs that ask for the same one. */
    @Override
    boolean reusesStoredOutput() { return true; }

    @Override
    String kind() { return "reference"; }
}
