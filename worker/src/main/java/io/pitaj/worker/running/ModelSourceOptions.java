package io.pitaj.worker.running;

import io.pitaj.worker.PitaCli;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The model a sampling command works on, as an exclusive option group: a trained artifact or a mixture's exact model. */
public final class ModelSourceOptions {
    @Option(names = "--model", paramLabel = "DIR", description = "A model artifact directory (pita train's DIR/model).")
    private Path model;

    @Option(names = "--exact-model", paramLabel = "MIXTURE", description = "A Gaussian mixture (mog4 or FILE.json): its closed-form model.")
    private String exactModel;

    /** The chosen model with its system and a fresh target (the caller closes it); user errors for unreadable choices. */
    public ModelChoice resolve(PitaCli pita) { return ModelChoice.of(pita, model, exactModel); }
}
