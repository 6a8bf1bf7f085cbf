package io.pitaj.models.sampling;

import com.fasterxml.jackson.databind.JsonNode;
import io.pitaj.models.artifact.ModelArtifact;
import io.pitaj.models.graph.NamedGraph;
import io.pitaj.models.nets.DivergenceMode;
import io.pitaj.models.nets.InferenceGraphs;
import io.pitaj.models.nets.MixtureModel;
import io.pitaj.models.nets.ModelPair;
import io.pitaj.models.nets.NoiseSchedule;
import io.pitaj.models.nets.SmcStepGraph;
import io.pitaj.models.targets.GaussianMixture;
import io.pitaj.models.targets.ParticleLayout;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What an annealing run needs from a model: its schedule and sample shape, the temperature it describes, the
 * conditioning β it is called with, and its graphs — the SMC-step graph ({@link SmcStepGraph}'s inputs and
 * outputs) for a divergence mode, and the score-only graph ({@link InferenceGraphs#score}). Trained networks and the
 * closed-form mixture model provide the same graphs, so the samplers cannot tell them apart.
 *
 * @param description  a one-line account of the model for logs and metadata
 * @param sampleShape  one particle's shape as the graphs take it ([particles, spatial] or [d])
 * @param meanFreeLayout the particle layout whose mean is removed from every sample, for systems in the
 *                     centre-of-mass-free subspace (whatever shape the graphs take: an MLP sees flat vectors); empty otherwise
 * @param beta         the β input value for β-conditioned graphs, empty otherwise
 * @param temperature  the temperature the model's density describes (in the target's temperature unit)
 */
public record AnnealingModel(String description, NoiseSchedule schedule, int[] sampleShape, Optional<ParticleLayout> meanFreeLayout, OptionalDouble beta,
                             double temperature, Function<DivergenceMode, NamedGraph> stepGraphs, Supplier<NamedGraph> scoreGraph) {
    public AnnealingModel {
        sampleShape = sampleShape.clone();
        int d = 1;
        for (int v : sampleShape) d *= v;
        if (meanFreeLayout.isPresent() && meanFreeLayout.get().dimension() != d) {
            throw new IllegalArgumentException("particle layout " + meanFreeLayout.get() + " does not fit samples of " + d + " coordinates");
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) throw new IllegalArgumentException("model temperature must be positive");
    }

    /** Coordinates per particle. */
    public int dimension() {
        int d = 1;
        for (int s : sampleShape) d *= s;
        return d;
    }

    @Override
    public int[] sampleShape() { return sampleShape.clone(); }

    public boolean meanFree() { return meanFreeLayout.isPresent(); }

    /**
     * A Gaussian mixture's closed-form model (score, energy, divergence and ∂U/∂t of its VE-noised density, run by
     * ONNX Runtime like trained networks): the mixture itself at T = 1, so annealing by γ must give p^γ exactly up to
     * the discretisation of the SDE. Like networks trained on the mixture it works in the mixture's model coordinates
     * ({@link GaussianMixture#standardisation()}).
     */
    public static AnnealingModel exactMixture(GaussianMixture mixture, NoiseSchedule schedule) {
        GaussianMixture model = mixture.inModelCoordinates();
        return new AnnealingModel("closed-form model of the mixture " + mixture.name(), schedule, new int[] {mixture.dimension()},
                Optional.empty(), OptionalDouble.empty(), 1.0, mode -> MixtureModel.smcStep(model, schedule, mode),
                () -> MixtureModel.score(model, schedule));
    }

    /** The EMA networks of a trained rung, called at the β of the rung they were trained on. */
    public static AnnealingModel trained(ModelArtifact.Loaded loaded, Optional<ParticleLayout> meanFreeLayout) {
        ModelPair ema = loaded.ema();
        JsonNode d = loaded.description();
        JsonNode betas = d.path("beta");
        OptionalDouble beta = ema.backbone().config().betaConditioned() && betas.size() > 0
                ? OptionalDouble.of(betas.get(betas.size() - 1).asDouble()) : OptionalDouble.empty();
        NoiseSchedule schedule = loaded.schedule();
        return new AnnealingModel(d.path("system").asText() + " model at T = " + d.path("temperature").asDouble()
                + " (" + d.path("training").path("steps").asLong() + " training steps, EMA weights)",
                schedule, ema.backbone().config().sampleShape(), meanFreeLayout, beta, d.path("temperature").asDouble(),
                mode -> SmcStepGraph.build(ema, schedule, mode), () -> InferenceGraphs.score(ema, schedule));
    }
}
