package io.pitaj.worker.running;

import io.pitaj.models.nets.ReferenceNetworks;
import io.pitaj.models.sampling.AnnealingModel;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.models.targets.GaussianMixture;
import io.pitaj.models.targets.Target;
import io.pitaj.worker.PitaCli;
import io.pitaj.worker.UserInputException;

/** {@code --exact-model}: a mixture system (built in, or a JSON file) and its closed-form model, on the system's reference schedule. */
final class ExactModels {
    private ExactModels() {}

    static AnnealCommand.ModelChoice resolve(PitaCli pita, String name) {
        SystemInfo<?> info = pita.system(name);
        Target target = info.create(TargetOptions.DEFAULTS);
        if (!(target instanceof GaussianMixture mixture)) {
            target.close();
            throw new UserInputException("--exact-model needs a Gaussian mixture (mog4 or FILE.json); '" + name + "' is not one");
        }
        AnnealingModel model = AnnealingModel.exactMixture(mixture, ReferenceNetworks.forSystem(info).schedule());
        return new AnnealCommand.ModelChoice(model, info, mixture);
    }
}
