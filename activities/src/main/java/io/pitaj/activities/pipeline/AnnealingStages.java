package io.pitaj.activities.pipeline;

import io.pitaj.activities.provenance.ArtifactRef;
import io.pitaj.activities.spec.RunSpec;
import io.pitaj.activities.stages.Annealing;
import io.pitaj.activities.stages.AnnealingSettings;
import io.pitaj.activities.stages.EvaluatedSamples;
import io.pitaj.activities.stages.RelaxationPlan;
import io.pitaj.activities.store.SampleSet;
import io.pitaj.activities.store.SampleSetCodec;
import io.pitaj.models.artifact.ModelArtifact;
import io.pitaj.models.sampling.AnnealingConfig;
import io.pitaj.models.sampling.AnnealingModel;
import io.pitaj.models.sampling.EvaluationCounts;
import io.pitaj.models.sampling.Population;
import io.pitaj.models.sampling.Shards;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.models.targets.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link AnnealingActivities} over {@link Annealing}, {@link Shards} and {@link RelaxationPlan}. */
public final class AnnealingStages implements AnnealingActivities {
    private final PipelineEnvironment env;

    public AnnealingStages(PipelineEnvironment env) { this.env = env; }

    /** What one shard depends on besides the model: the anneal block, the two temperatures and the shard. */
    record ShardKey(RunSpec.Anneal anneal, double from, double to, int shard) {}

    @Override
    public StageResult anneal(RunRequest run, int rung, ArtifactRef model, int shard) {
        RunSpec spec = run.spec();
        RunSpec.Anneal a = spec.anneal();
        SystemInfo<?> info = env.system(run);
        double from = spec.ladder().get(rung), to = spec.ladder().get(rung + 1);
        Shards.Shard s = Shards.split(a.particles(), a.shards(), Shards.shardSeed(spec.seed(), 100 + rung)).get(shard);
        String stage = "rung-" + (rung + 1) + "/anneal/shard-" + shard;
        StageContext ctx = StageContext.ofActivity();
        return env.runner().run(ctx, run, stage, rung + 1, "anneal", new ShardKey(a, from, to, shard), s.seed(), List.of(model), w -> {
            ModelArtifact.Loaded loaded = ModelArtifact.read(Zips.unzip(w.input(model, TrainingStages.MODEL_ZIP), w.scratch().resolve("model")));
            AnnealingModel m = AnnealingModel.trained(loaded, info.meanFree() ? Optional.of(info.layout()) : Optional.empty());
            double gamma = from / to;
            AnnealingConfig config;
            double targetT;
            try {
                config = new AnnealingSettings(gamma, s.particles(), a.steps(), a.resampleUntil(), a.essThreshold(), a.resampler(), a.clip(), a.weights(),
                        a.finalSnis(), a.chunk()).config(info, s.seed());
                targetT = Annealing.targetTemperature(m, gamma, to);
            } catch (IllegalArgumentException e) {
                throw PipelineEnvironment.badInput(stage + ": " + e.getMessage());
            }
            SampleSet set;
            try (Target target = info.create(TargetOptions.DEFAULTS)) {
                set = Annealing.run(m, target, config, targetT, RelaxationPlan.of(0, "mala", null, info.unit()), stage, env.session(),
                        (k, total, ess) -> ctx.heartbeat(new StageProgress(stage, k, total, String.format(java.util.Locale.ROOT, "ESS %.0f", ess), null)));
            }
            SampleSetCodec.write(set, w.outputs().resolve(SamplingStages.SAMPLES));
            return new StageRunner.Outcome(EvaluatedSamples.targetEvaluations(set), Long.parseLong(set.attributes().get("model_evaluations")),
                    Map.of("final_ess", Double.parseDouble(set.attributes().get("final_ess")),
                            "log_normaliser", Double.parseDouble(set.attributes().get("log_normaliser"))));
        });
    }

    @Override
    public StageResult mergeAnnealed(RunRequest run, int rung, List<StageResult> shards) {
        List<ArtifactRef> inputs = shards.stream().map(r -> r.output(SamplingStages.SAMPLES)).toList();
        String stage = "rung-" + (rung + 1) + "/anneal/merged";
        return env.runner().run(StageContext.ofActivity(), run, stage, rung + 1, "merge", "shards weighted by N_s Z_s", run.spec().seed(), inputs, w -> {
            List<SampleSet> sets = new ArrayList<>();
            List<Population> populations = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                SampleSet s = SampleSetCodec.read(w.input(inputs.get(i), "shard-" + i + ".arrow"));
                sets.add(s);
                populations.add(new Population(s.x(), s.logWeight(), Double.parseDouble(s.attributes().get("log_normaliser")), EvaluationCounts.NONE));
            }
            Population merged = Shards.merge(populations);
            SampleSet set = SampleSets.withLogWeights(SampleSets.concatenate(sets, stage), merged.logWeights(), stage,
                    Map.of("log_normaliser", Double.toString(merged.logNormaliser()), "shards", Integer.toString(sets.size())));
            SampleSetCodec.write(set, w.outputs().resolve(SamplingStages.SAMPLES));
            return new StageRunner.Outcome(0, 0, Map.of("log_normaliser", merged.logNormaliser(),
                    "ess", io.pitaj.models.metrics.EffectiveSampleSize.kish(merged.logWeights())));
        });
    }

    @Override
    public StageResult relax(RunRequest run, int rung, ArtifactRef samples) {
        RunSpec.Relax r = run.spec().relax();
        SystemInfo<?> info = env.system(run);
        String stage = "rung-" + (rung + 1) + "/relax";
        long seed = Shards.shardSeed(run.spec().seed(), 200 + rung);
        return env.runner().run(StageContext.ofActivity(), run, stage, rung + 1, "relax", r, seed, List.of(samples), w -> {
            SampleSet in = SampleSetCodec.read(w.input(samples, "annealed.arrow"));
            RelaxationPlan plan;
            try {
                plan = RelaxationPlan.of(r.steps(), r.method(), r.step(), info.unit());
            } catch (IllegalArgumentException e) {
                throw PipelineEnvironment.badInput(stage + ": " + e.getMessage());
            }
            SampleSet out;
            long spent;
            try (Target target = info.create(TargetOptions.DEFAULTS)) {
                RelaxationPlan.Relaxed relaxed = plan.apply(target, in.temperature(), in.x(), in.count(), seed);
                Map<String, String> a = new java.util.LinkedHashMap<>(in.attributes());
                a.put("relaxation", relaxed.description());
                a.putAll(EvaluatedSamples.counts(relaxed.counts()));
                out = EvaluatedSamples.of(target, in.temperature(), stage, seed, relaxed.x(), in.logWeight(), a);
                spent = relaxed.counts().targetEvaluations();
            }
            SampleSetCodec.write(out, w.outputs().resolve(SamplingStages.SAMPLES));
            return new StageRunner.Outcome(spent, 0, Map.of("dropped_non_finite", (double) EvaluatedSamples.dropped(out)));
        });
    }
}
