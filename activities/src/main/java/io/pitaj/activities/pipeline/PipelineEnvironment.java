package io.pitaj.activities.pipeline;

import io.pitaj.activities.store.SampleSet;
import io.pitaj.activities.store.SampleSetCodec;
import io.pitaj.models.runtime.SessionSettings;
import io.pitaj.models.systems.SystemCatalog;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.UnknownSystemException;
import io.pitaj.models.targets.MixtureFormatException;
import io.pitaj.models.targets.MixtureSpec;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;

/**
 * What a worker's stages share: the stage runner over the store, the ONNX Runtime settings of this worker, and the
 * system catalogue; plus the failure rule: bad input (an unknown system, a spec the system cannot run) is a
 * non-retryable failure with one clear message, anything else is retried by Temporal.
 */
public record PipelineEnvironment(StageRunner runner, SessionSettings session, SystemCatalog catalog) {
    /** Failure type of inputs that no retry can fix. */
    public static final String BAD_INPUT = "BadInput";

    /** The run's system, with the spec's ladder. */
    public SystemInfo<?> system(RunRequest run) {
        String name = run.spec().system();
        try {
            if (run.mixtureJson() != null) {
                String base = Path.of(name).getFileName().toString().replaceFirst("(?i)\\.json$", "");
                MixtureSpec m = MixtureSpec.parse(name, run.mixtureJson());
                return SystemCatalog.mixture(base, m.components() + "-component " + m.dimension() + "-D Gaussian mixture from " + name, m,
                        run.spec().ladder());
            }
            return catalog.get(name);
        } catch (UnknownSystemException | MixtureFormatException e) {
            throw badInput(e.getMessage());
        }
    }

    public static ApplicationFailure badInput(String message) {
        return ApplicationFailure.newNonRetryableFailure(message, BAD_INPUT);
    }

    static SampleSet read(Path file) { return SampleSetCodec.read(file); }
}
