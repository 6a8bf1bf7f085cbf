package io.pitaj.worker.running;

import io.pitaj.models.artifact.ModelArtifact;
import io.pitaj.models.nets.ReferenceNetworks;
import io.pitaj.models.sampling.AnnealingModel;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.models.targets.GaussianMixture;
import io.pitaj.models.targets.Target;
import io.pitaj.worker.PitaCli;
import io.pitaj.worker.UserInputException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The model a sampling command anneals, its system, and a fresh target of that system (the caller closes it):
 * {@code --model DIR} (a trained artifact, whose {@code model.json} names the system) or {@code --exact-model S}
 * (a Gaussian mixture's closed-form model on the system's reference schedule).
 */
public record ModelChoice(AnnealingModel model, SystemInfo<?> system, Target target) {
    public static ModelChoice of(PitaCli pita, Path modelDir, String exactModel) {
        return modelDir != null ? trained(pita, modelDir) : exact(pita, exactModel);
    }

    public static ModelChoice trained(PitaCli pita, Path dir) {
        ModelArtifact.Loaded loaded;
        try {
            loaded = ModelArtifact.read(dir);
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new UserInputException("cannot read the model artifact in " + dir + ": " + e.getMessage(), e);
        }
        SystemInfo<?> info = pita.system(loaded.description().path("system").asText());
        return new ModelChoice(AnnealingModel.trained(loaded, info.meanFree() ? Optional.of(info.layout()) : Optional.empty()), info, info.create(TargetOptions.DEFAULTS));
    }

    public static ModelChoice exact(PitaCli pita, String name) {
        SystemInfo<?> info = pita.system(name);
        Target target = info.create(TargetOptions.DEFAULTS);
        if (!(target instanceof GaussianMixture mixture)) {
            target.close();
            throw new UserInputException("--exact-model needs a Gaussian mixture (mog4 or FILE.json); '" + name + "' is not one");
        }
        return new ModelChoice(AnnealingModel.exactMixture(mixture, ReferenceNetworks.forSystem(info).schedule()), info, mixture);
    }
}
