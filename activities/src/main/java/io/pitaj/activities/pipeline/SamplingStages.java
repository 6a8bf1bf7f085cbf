package io.pitaj.activities.pipeline;

import io.pitaj.activities.provenance.ArtifactRef;
import io.pitaj.activities.spec.RunSpec;
import io.pitaj.activities.stages.EvaluatedSamples;
import io.pitaj.activities.stages.HotSampling;
import io.pitaj.activities.store.SampleSet;
import io.pitaj.activities.store.SampleSetCodec;

import io.pitaj.models.sampling.EvaluationCounts;
import io.pitaj.models.sampling.Shards;
import io.pitaj.models.systems.ConfigurationBatch;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.models.targets.Target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link SamplingActivities} over {@link HotSampling} and the systems' exact samplers. */
public final class SamplingStages implements SamplingActivities {
    public static final String SAMPLES = "samples.arrow";
    private final PipelineEnvironment env;

    public SamplingStages(PipelineEnvironment env) { this.env = env; }

    @Override
    public StageResult hotSamples(RunRequest run, int shard) {
        RunSpec.Hot hot = run.spec().hot();
        int count = hot.samples() / hot.shards() + (shard < hot.samples() % hot.shards() ? 1 : 0);
        long seed = Shards.shardSeed(Shards.shardSeed(run.spec().seed(), 1), shard);
        return sample(run, "hot/shard-" + shard, "hot-samples", hot.method(), count, hot.chains(), hot.warmup(), hot.thin(), hot.step(),
                run.spec().hotTemperature(), seed, hot);
    }

    @Override
    public StageResult reference(RunRequest run) {
        RunSpec.Reference ref = run.spec().reference();
        long seed = Shards.shardSeed(run.spec().seed(), 2);
        return sample(run, "reference", "reference", ref.method(), ref.samples(), ref.chains(), ref.warmup(), ref.thin(), null,
                run.spec().targetTemperature(), seed, ref);
    }

    private StageResult sample(RunRequest run, String stage, String kind, String method, int count, int chains, Integer warmupOption, int thin,
                               Double step, double t, long seed, Object stageSpec) {
        SystemInfo<?> info = env.system(run);
        StageContext ctx = StageContext.ofActivity();
        return env.runner().run(ctx, run, stage, null, kind, stageSpec, seed, List.of(), w -> {
            SampleSet set;
            if (method.equals("exact")) {
                if (!info.hasExactSampler() || t != info.targetTemperature()) {
                    throw PipelineEnvironment.badInput(stage + ": " + info.name() + " has no exact sampler at T = " + t + "; use a chain method");
                }
                ConfigurationBatch b = info.sampleBatch(TargetOptions.DEFAULTS, count, seed);
                try (Target target = b.target()) {
                    Map<String, String> exact = new LinkedHashMap<>(Map.of("method", "exact"));
                    exact.putAll(EvaluatedSamples.counts(EvaluationCounts.NONE)); // exact draws cost no target evaluation
                    set = EvaluatedSamples.of(target, t, stage, seed, b.x(), new double[count], exact);
                }
            } else {
                HotSampling plan;
                int warmup = warmupOption != null ? warmupOption : HotSampling.defaultWarmup(method, info.unit());
                try {
                    plan = new HotSampling(method, count, Math.min(chains, count), warmup, thin, step, 10, null, true, 8, null, "mala", 10);
                } catch (IllegalArgumentException e) {
                    throw PipelineEnvironment.badInput(stage + ": " + e.getMessage());
                }
                ConfigurationBatch start = info.sampleBatch(TargetOptions.DEFAULTS, plan.chains(), seed);
                try (Target target = start.target()) {
                    HotSampling.Drawn d = plan.run(target, t, start.x(), seed,
                            (done, total) -> ctx.heartbeat(new StageProgress(stage, done, total, method, null)));
                    double[] x = java.util.Arrays.copyOf(d.x(), count * target.dimension());
                    set = EvaluatedSamples.of(target, t, stage, seed, x, new double[count], d.attributes());
                }
            }
            SampleSetCodec.write(set, w.outputs().resolve(SAMPLES));
            return new StageRunner.Outcome(EvaluatedSamples.targetEvaluations(set), 0, HotSampling.headline(set.attributes()));
        });
    }

    @Override
    public StageResult mergeHotSamples(RunRequest run, List<StageResult> shards) {
        List<ArtifactRef> inputs = shards.stream().map(s -> s.output(SAMPLES)).toList();
        return env.runner().run(StageContext.ofActivity(), run, "hot/merged", 0, "merge", "concatenate", run.spec().seed(), inputs, w -> {
            List<SampleSet> sets = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) sets.add(SampleSetCodec.read(w.input(inputs.get(i), "shard-" + i + ".arrow")));
            SampleSetCodec.write(SampleSets.concatenate(sets, "hot/merged"), w.outputs().resolve(SAMPLES));
            return new StageRunner.Outcome(0, 0, Map.of("samples", (double) sets.stream().mapToInt(SampleSet::count).sum()));
        });
    }
}
