package io.pitaj.activities.stages;

import io.pitaj.activities.store.SampleSet;
import io.pitaj.models.artifact.ModelArtifact;
import io.pitaj.models.nets.BackboneConfig;
import io.pitaj.models.nets.ReferenceNetworks;
import io.pitaj.models.runtime.SessionSettings;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.models.targets.Target;
import io.pitaj.models.train.Checkpoint;
import io.pitaj.models.train.PitaTrainer;
import io.pitaj.models.train.ReferenceTraining;
import io.pitaj.models.train.TrainingConfig;
import io.pitaj.models.train.TrainingListener;
import io.pitaj.models.train.TrainingSamples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Training a score/energy pair into a model directory ({@code checkpoints/} and {@code model/}) from sample sets:
 * what {@code pita train} and the pipeline's Train activity run. A training directory resumes from its newest
 * checkpoint; a rung of a ladder starts from the previous rung's final checkpoint (fine-tuning) and trains on its
 * own buffer, or on every rung's when the config says so.
 */
public final class ModelTraining {
    public static final String CHECKPOINTS = "checkpoints", MODEL = "model";

    private ModelTraining() {}

    /** What a training call produced: the artifact's directory and the trainer's result. */
    public record Trained(Path model, PitaTrainer.Result result, TrainingConfig config) {}

    /** PITA's β of a rung: the hottest temperature over this one, rounded to two decimals as the reference does. */
    public static double beta(SystemInfo<?> info, double temperature) { return beta(info.ladder().get(0), temperature); }

    /** The same for a ladder whose hottest temperature is {@code hot}. */
    public static double beta(double hot, double temperature) { return Math.round(100 * hot / temperature) / 100.0; }

    /** The system's reference training recipe with this backbone, batch (null: the reference's), step target and seed. */
    public static TrainingConfig config(SystemInfo<?> info, BackboneConfig arch, Integer batch, long steps, long seed, boolean trainOnAllRungs,
                                        int checkpointEvery) {
        ReferenceNetworks.Choice reference = ReferenceNetworks.forSystem(info);
        return TrainingConfig.reference(arch, reference.schedule(), ReferenceTraining.weights(info),
                batch != null ? batch : ReferenceTraining.batchSize(info), steps, seed, trainOnAllRungs, checkpointEvery);
    }

    /** The system's reference backbone, shaped by a choice. */
    public static BackboneConfig architecture(SystemInfo<?> info, ArchitectureChoice choice) {
        return choice.resolve(info, ReferenceNetworks.forSystem(info).backbone());
    }

    /**
     * A set's energies and forces at its temperature, as a training buffer at β. Fails, naming {@code source}, if the
     * set is of another system, dimension or temperature, lists other atoms, or holds a non-finite energy.
     */
    public static TrainingSamples buffer(SystemInfo<?> info, SampleSet set, double temperature, double beta, String source) {
        if (!set.system().equals(info.name())) throw new IllegalArgumentException(source + " holds samples of '" + set.system() + "', not of '" + info.name() + "'");
        if (set.dim() != info.dimension()) {
            throw new IllegalArgumentException(source + " has " + set.dim() + " coordinates per sample; " + info.name() + " has " + info.dimension());
        }
        if (Math.abs(set.temperature() - temperature) > 1e-9 * temperature) {
            throw new IllegalArgumentException(source + " was sampled at T = " + set.temperature() + ", not at --temperature " + temperature);
        }
        try (Target target = info.create(TargetOptions.DEFAULTS)) {
            List<String> symbols = target.elementSymbols();
            if (!set.atoms().isEmpty() && !symbols.isEmpty() && !set.atoms().equals(symbols)) {
                throw new IllegalArgumentException(source + " lists atoms " + set.atoms() + ", but " + info.name() + " has " + symbols);
            }
            TrainingSamples s = TrainingSamples.evaluate(target, temperature, beta, set.x(), set.count());
            for (int i = 0; i < s.count(); i++) {
                if (!Double.isFinite(s.logDensity()[i])) throw new IllegalArgumentException(source + ": sample " + i + " has a non-finite energy");
            }
            return s;
        }
    }

    /**
     * Trains on {@code buffers} (hot → cold, the last is the active rung) at the last temperature until the config's
     * step count, from {@code from} (a checkpoint: this directory's newest, or the previous rung's final one) or fresh
     * weights, and writes the artifact as {@code dir/model}.
     *
     * @param betas the β of every buffer, as the artifact records them
     */
    public static Trained train(SystemInfo<?> info, List<TrainingSamples> buffers, List<Double> betas, double temperature, TrainingConfig config,
                                Checkpoint from, Path dir, SessionSettings session, TrainingListener listener) {
        PitaTrainer.Result result = new PitaTrainer(session, dir.resolve(CHECKPOINTS)).train(buffers, config, from, listener);
        Path model = writeModel(dir, new ModelArtifact.Description(info.name(), temperature, new ArrayList<>(betas), config, result));
        return new Trained(model, result, config);
    }

    /** The final checkpoint a finished training directory left, for the next rung to fine-tune from. */
    public static Checkpoint finalCheckpoint(Path dir) {
        Path latest = Checkpoint.latest(dir.resolve(CHECKPOINTS))
                .orElseThrow(() -> new IllegalArgumentException(dir.resolve(CHECKPOINTS) + " holds no checkpoint"));
        return Checkpoint.read(latest);
    }

    /** Writes the artifact as {@code dir/model}, replacing a previous one only once the new one is complete. */
    private static Path writeModel(Path dir, ModelArtifact.Description d) {
        Path model = dir.resolve(MODEL), next = dir.resolve(MODEL + ".next"), previous = dir.resolve(MODEL + ".previous");
        try {
            ModelArtifact.deleteDirectory(next);
            ModelArtifact.write(next, d);
            if (Files.exists(model)) {
                ModelArtifact.deleteDirectory(previous);
                Files.move(model, previous);
            }
            Files.move(next, model);
            ModelArtifact.deleteDirectory(previous);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model to " + model + ": " + e.getMessage(), e);
        }
        return model;
    }
}
