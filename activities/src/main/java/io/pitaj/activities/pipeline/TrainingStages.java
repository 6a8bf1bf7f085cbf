package io.pitaj.activities.pipeline;

import io.pitaj.activities.provenance.ArtifactRef;
import io.pitaj.activities.spec.RunSpec;
import io.pitaj.activities.stages.ArchitectureChoice;
import io.pitaj.activities.stages.ModelTraining;
import io.pitaj.activities.store.SampleSetCodec;
import io.pitaj.models.nets.BackboneConfig;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.train.Checkpoint;
import io.pitaj.models.train.TrainingConfig;
import io.pitaj.models.train.TrainingListener;
import io.pitaj.models.train.TrainingSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link TrainingActivities} over {@link ModelTraining}. Every checkpoint is uploaded as it is written and named in
 * the heartbeat; a retried attempt — on this machine or another — resumes from the newest one it can find (its own
 * scratch directory, else the checkpoint the last heartbeat named), so a killed worker costs at most
 * {@code checkpoint_every} steps and the run continues bit for bit.
 */
public final class TrainingStages implements TrainingActivities {
    public static final String MODEL_ZIP = "model.zip", FINAL_CHECKPOINT = "final.safetensors";
    private final PipelineEnvironment env;

    public TrainingStages(PipelineEnvironment env) { this.env = env; }

    /** What a rung's training depends on, besides its inputs: the key of its stage. */
    record TrainingKey(RunSpec.Network network, RunSpec.Training training, List<Double> ladder, int rung) {}

    @Override
    public StageResult train(RunRequest run, int rung, List<ArtifactRef> buffers, ArtifactRef previous) {
        RunSpec spec = run.spec();
        SystemInfo<?> info = env.system(run);
        String stage = "rung-" + rung + "/train";
        List<ArtifactRef> inputs = new ArrayList<>(buffers);
        if (previous != null) inputs.add(previous);
        StageContext ctx = StageContext.ofActivity();
        return env.runner().run(ctx, run, stage, rung, "train", new TrainingKey(spec.network(), spec.training(), spec.ladder(), rung), spec.seed(),
                inputs, w -> {
                    RunSpec.Network n = spec.network();
                    TrainingConfig config;
                    BackboneConfig arch;
                    try {
                        arch = ModelTraining.architecture(info, new ArchitectureChoice(n.arch(), n.size(), n.hidden(), n.layers(), n.heads()));
                        config = ModelTraining.config(info, arch, spec.training().batch(), spec.training().cumulativeSteps(rung), spec.seed(),
                                spec.training().trainOnAllRungs(), spec.training().checkpointEvery());
                    } catch (IllegalArgumentException e) {
                        throw PipelineEnvironment.badInput(stage + ": " + e.getMessage());
                    }
                    List<TrainingSamples> samples = new ArrayList<>();
                    List<Double> betas = new ArrayList<>();
                    for (int i = 0; i < buffers.size(); i++) {
                        int bufferRung = rung - buffers.size() + 1 + i;
                        double t = spec.ladder().get(bufferRung), beta = ModelTraining.beta(spec.hotTemperature(), t);
                        Path f = w.input(buffers.get(i), "buffer-" + bufferRung + ".arrow");
                        samples.add(ModelTraining.buffer(info, SampleSetCodec.read(f), t, beta, "rung " + bufferRung + "'s samples"));
                        betas.add(beta);
                    }
                    Path dir = w.scratch().resolve("training");
                    Checkpoint from = resumePoint(w, dir, previous);
                    String[] lastUploaded = {w.context().previousProgress().map(StageProgress::checkpointKey).orElse(null)};
                    // step counts go on from the previous rung's; the heartbeat counts this rung's own, so its percent is this stage's
                    long earlier = rung == 0 ? 0 : spec.training().cumulativeSteps(rung - 1);
                    TrainingListener listener = new TrainingListener() {
                        @Override
                        public void onStep(Step s) {
                            if (s.step() % 20 == 0 || s.step() == s.totalSteps()) {
                                ctx.heartbeat(new StageProgress(stage, s.step() - earlier, s.totalSteps() - earlier,
                                        String.format(java.util.Locale.ROOT, "loss %.4g", s.loss()), lastUploaded[0]));
                            }
                        }

                        @Override
                        public void onCheckpoint(long step, Path file) {
                            String key = w.keyPrefix() + "checkpoints/" + file.getFileName();
                            env.runner().store().put(key, file);
                            lastUploaded[0] = key;
                            ctx.heartbeat(new StageProgress(stage, step - earlier, config.steps() - earlier, "checkpoint", key));
                        }
                    };
                    ModelTraining.Trained t = ModelTraining.train(info, samples, betas, spec.ladder().get(rung), config, from, dir, env.session(), listener);
                    Zips.zip(t.model(), w.outputs().resolve(MODEL_ZIP));
                    Path last = Checkpoint.latest(dir.resolve(ModelTraining.CHECKPOINTS)).orElseThrow();
                    Files.copy(last, w.outputs().resolve(FINAL_CHECKPOINT));
                    Map<String, Double> metrics = new LinkedHashMap<>();
                    metrics.put("mean_loss", t.result().meanLoss());
                    t.result().meanTerms().forEach((k, v) -> metrics.put("loss_" + k, v));
                    metrics.put("steps_per_second", t.result().stepsPerSecond());
                    metrics.put("resumed_from_step", from == null ? 0.0 : from.state().step());
                    return new StageRunner.Outcome(0, 0, metrics);
                });
    }

    /**
     * Where training starts: this machine's newest checkpoint of this stage, else the one a previous attempt's
     * heartbeat named (downloaded), else the previous rung's final state, else fresh weights (null).
     */
    private Checkpoint resumePoint(StageRunner.Workspace w, Path dir, ArtifactRef previous) {
        Optional<Path> local = Checkpoint.latest(dir.resolve(ModelTraining.CHECKPOINTS));
        if (local.isPresent()) return Checkpoint.read(local.get());
        Optional<String> key = w.context().previousProgress().map(StageProgress::checkpointKey);
        if (key.isPresent() && key.get() != null) {
            Optional<ArtifactRef> ref = env.runner().store().stat(key.get());
            if (ref.isPresent()) return Checkpoint.read(w.input(ref.get(), "resume.safetensors"));
        }
        return previous == null ? null : Checkpoint.read(w.input(previous, "previous-rung.safetensors"));
    }
}
