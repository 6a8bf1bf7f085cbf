package io.pitaj.workflows;

import io.pitaj.activities.pipeline.AnnealingActivities;
import io.pitaj.activities.pipeline.EvaluationActivities;
import io.pitaj.activities.pipeline.SamplingStages;
import io.pitaj.activities.pipeline.StageResult;
import io.pitaj.activities.pipeline.TrainingActivities;
import io.pitaj.activities.pipeline.TrainingStages;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/** Deterministic: it only sequences activities and passes their references on; the query only reads. */
public final class RungWorkflowImpl implements RungWorkflow {
    private final AnnealingActivities merging = Workflow.newActivityStub(AnnealingActivities.class, PipelineOptions.GPU_SHORT);
    private final EvaluationActivities evaluation = Workflow.newActivityStub(EvaluationActivities.class, PipelineOptions.CPU_SHORT);
    private String stage = "starting";
    /** Each stage's result as it returns, so the query can count them while the rung runs. */
    private final List<StageResult> stages = new ArrayList<>();

    @Override
    public RungOutcome run(RungInput in) {
        int k = in.rung();
        ActivityOptions heartbeating = PipelineOptions.longStage(PipelineOptions.GPU_QUEUE, in.heartbeatTimeout());
        TrainingActivities training = Workflow.newActivityStub(TrainingActivities.class, heartbeating);
        AnnealingActivities annealing = Workflow.newActivityStub(AnnealingActivities.class, heartbeating);
        List<io.pitaj.activities.provenance.ArtifactRef> buffers = in.run().spec().training().trainOnAllRungs()
                ? in.buffers() : List.of(in.buffers().get(in.buffers().size() - 1));
        stage = "rung " + k + ": train";
        StageResult trained = training.train(in.run(), k, buffers, in.checkpoint());
        stages.add(trained);
        stage = "rung " + (k + 1) + ": anneal";
        List<Promise<StageResult>> shards = new ArrayList<>();
        for (int s = 0; s < in.run().spec().anneal().shards(); s++) {
            int shard = s;
            shards.add(Async.function(() -> annealing.anneal(in.run(), k, trained.output(TrainingStages.MODEL_ZIP), shard)));
        }
        List<StageResult> annealed = ParallelStages.join(shards);
        stages.addAll(annealed);
        stage = "rung " + (k + 1) + ": merge";
        StageResult merged = merging.mergeAnnealed(in.run(), k, annealed);
        stages.add(merged);
        stage = "rung " + (k + 1) + ": relax";
        StageResult relaxed = merging.relax(in.run(), k, merged.output(SamplingStages.SAMPLES));
        stages.add(relaxed);
        stage = "rung " + (k + 1) + ": evaluate";
        boolean target = k + 1 == in.run().spec().rungs() - 1;
        stages.add(evaluation.evaluate(in.run(), k + 1, relaxed.output(SamplingStages.SAMPLES), target ? in.reference() : null,
                trained.output(TrainingStages.MODEL_ZIP)));
        stage = "done";
        return new RungOutcome(stages, relaxed.output(SamplingStages.SAMPLES), trained.output(TrainingStages.FINAL_CHECKPOINT));
    }

    @Override
    public RungProgress progress() {
        return new RungProgress(stage, stages.size(), stages.stream().mapToLong(StageResult::energyEvaluations).sum());
    }
}
