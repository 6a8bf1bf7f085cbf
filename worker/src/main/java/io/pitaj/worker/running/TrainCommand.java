package io.pitaj.worker.running;

import io.pitaj.activities.stages.ModelTraining;
import io.pitaj.activities.store.SampleSet;
import io.pitaj.activities.store.SampleSetCodec;
import io.pitaj.activities.store.SampleSetFormatException;
import io.pitaj.models.nets.BackboneConfig;
import io.pitaj.models.nets.ReferenceNetworks;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.train.Checkpoint;
import io.pitaj.models.train.PitaTrainer;
import io.pitaj.models.train.TrainingConfig;
import io.pitaj.models.train.TrainingSamples;
import io.pitaj.worker.ArchitectureOptions;
import io.pitaj.worker.PitaCli;
import io.pitaj.worker.RuntimeOptions;
import io.pitaj.worker.UserInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pita train}: trains a PITA score/energy pair on one Arrow sample set at one temperature and writes the model
 * artifact, with checkpoints on the way. The output directory holds {@code checkpoints/} and {@code model/}; it is
 * never reused without {@code --resume}, which continues bit-identically from the newest checkpoint.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a score/energy model pair on an Arrow sample set and write the model artifact.")
public final class TrainCommand implements Callable<Integer> {
    static final String CHECKPOINTS = ModelTraining.CHECKPOINTS, MODEL = ModelTraining.MODEL;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private PitaCli pita;

    @Option(names = "--system", required = true, description = "System the samples belong to (see 'pita systems'), or a Gaussian-mixture FILE.json.")
    private String system;

    @Option(names = "--samples", required = true, paramLabel = "FILE.arrow", description = "Sample set (Arrow IPC file, docs/sample-sets.md).")
    private Path samples;

    @Option(names = "--temperature", required = true, description = "Temperature of the samples (K for peptides, reduced otherwise).")
    private double temperature;

    @Mixin
    private ArchitectureOptions architecture;

    @Option(names = "--steps", defaultValue = "1000", description = "Total optimiser steps (default ${DEFAULT-VALUE}; with --resume, the step to reach).")
    private long steps;

    @Option(names = "--batch", description = "Samples per step (default: the system's reference batch, 512 or 2048).")
    private Integer batch;

    @Option(names = "--out", description = "Output directory (default: pita-model-<system>).")
    private Path out;

    @Option(names = "--resume", description = "Continue the training in --out from its newest checkpoint.")
    private boolean resume;

    @Option(names = "--checkpoint-every", defaultValue = "500", description = "Steps between checkpoints (default ${DEFAULT-VALUE}).")
    private int checkpointEvery;


    @Mixin
    private RuntimeOptions runtime;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the weights and of every step's draws (default ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws IOException {
        if (steps < 1) throw new UserInputException("--steps must be at least 1, got " + steps);
        if (batch != null && batch < 1) throw new UserInputException("--batch must be at least 1, got " + batch);
        if (checkpointEvery < 0) throw new UserInputException("--checkpoint-every must not be negative");
        if (!(temperature > 0) || Double.isInfinite(temperature)) throw new UserInputException("--temperature must be positive, got " + temperature);
        SystemInfo<?> info = pita.system(system);
        Path dir = out != null ? out : Path.of("pita-model-" + info.name());
        Checkpoint from = resumePoint(dir);
        SampleSet set = readSamples();
        double beta = ModelTraining.beta(info, temperature);
        BackboneConfig arch = architecture.resolve(info, ReferenceNetworks.forSystem(info).backbone());
        TrainingConfig config;
        TrainingSamples buffer;
        try {
            config = ModelTraining.config(info, arch, batch, steps, seed, false, checkpointEvery);
            if (from != null && from.state().step() >= steps) {
                throw new UserInputException(dir + " is already trained to step " + from.state().step() + "; pass a larger --steps to continue");
            }
            buffer = ModelTraining.buffer(info, set, temperature, beta, samples.toString());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }

        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "train: two %s networks on %s at T = %s (β = %.2f): %d samples, batch %d, %s%n",
                arch.kind(), info.name(), temperature, beta, set.count(), config.batchSize(),
                from == null ? "from fresh weights" : "resuming at step " + from.state().step());
        err.flush();
        PitaTrainer.Result result;
        Path model;
        try {
            ModelTraining.Trained t = ModelTraining.train(info, List.of(buffer), List.of(beta), temperature, config, from, dir, runtime.session(),
                    new TrainingProgress(err));
            result = t.result();
            model = t.model();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }

        StringJoiner terms = new StringJoiner(", ");
        for (Map.Entry<String, Double> e : result.meanTerms().entrySet()) terms.add(String.format(Locale.ROOT, "%s %.4g", e.getKey(), e.getValue()));
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "trained %s at T = %s to step %d: mean loss %.4g over the last %d steps (%s); %.1f steps/s on %s; model in %s%n",
                info.name(), temperature, result.state().step(), result.meanLoss(), Math.min(PitaTrainer.SUMMARY_WINDOW, steps), terms,
                result.stepsPerSecond(), result.provider().id(), model);
        o.flush();
        return 0;
    }

    /** The checkpoint to resume from, or null for a fresh run; refuses to reuse a directory without --resume. */
    private Checkpoint resumePoint(Path dir) {
        if (!resume) {
            if (Files.exists(dir)) {
                throw new UserInputException(dir + " already exists: pass --resume to continue its training, or choose another --out");
            }
            return null;
        }
        Path latest = Checkpoint.latest(dir.resolve(CHECKPOINTS))
                .orElseThrow(() -> new UserInputException("nothing to resume: " + dir.resolve(CHECKPOINTS) + " holds no checkpoint"));
        try {
            return Checkpoint.read(latest);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    private SampleSet readSamples() {
        try {
            return SampleSetCodec.read(samples);
        } catch (SampleSetFormatException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }
}
