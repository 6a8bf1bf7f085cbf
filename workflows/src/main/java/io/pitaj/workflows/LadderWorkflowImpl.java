package io.pitaj.workflows;

import io.pitaj.activities.pipeline.EvaluationActivities;
import io.pitaj.activities.pipeline.SamplingActivities;
import io.pitaj.activities.pipeline.SamplingStages;
import io.pitaj.activities.pipeline.StageResult;
import io.pitaj.activities.provenance.ArtifactRef;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic: no I/O, clock or randomness of its own (time from {@link Workflow#currentTimeMillis()}); every stage
 * is an activity whose result is a reference. After each rung it continues as new with the state so far.
 */
public final class LadderWorkflowImpl implements LadderWorkflow {
    private final SamplingActivities merging = Workflow.newActivityStub(SamplingActivities.class, PipelineOptions.CPU_SHORT);
    private final EvaluationActivities evaluation = Workflow.newActivityStub(EvaluationActivities.class, PipelineOptions.CPU_SHORT);
    private LadderState state;
    private String stage = "starting";
    private boolean finished;
    /** This segment's stage results as they return, so the query counts them before the state is next updated. */
    private List<StageResult> stages = List.of();

    @Override
    public RunOutcome run(LadderState initial) {
        state = initial.startedMillis() == 0
                ? new LadderState(initial.run(), initial.stages(), initial.nextRung(), initial.reference(), initial.buffers(), initial.checkpoint(),
                        Workflow.currentTimeMillis(), initial.heartbeatTimeout())
                : initial;
        stages = new ArrayList<>(state.stages());
        ArtifactRef reference = state.reference();
        List<ArtifactRef> buffers = new ArrayList<>(state.buffers());
        if (state.nextRung() == 0 && buffers.isEmpty()) {
            stage = "hot samples and reference";
            SamplingActivities sampling = Workflow.newActivityStub(SamplingActivities.class,
                    PipelineOptions.longStage(PipelineOptions.CPU_QUEUE, state.heartbeatTimeout()));
            Promise<StageResult> ref = Async.function(() -> sampling.reference(state.run()));
            List<Promise<StageResult>> shards = new ArrayList<>();
            for (int s = 0; s < state.run().spec().hot().shards(); s++) {
                int shard = s;
                shards.add(Async.function(() -> sampling.hotSamples(state.run(), shard)));
            }
            List<StageResult> hot;
            StageResult merged;
            try {
                hot = ParallelStages.join(shards);
                merged = merging.mergeHotSamples(state.run(), hot);
            } finally {
                // the reference runs beside the shards and their merge: a cancelled run waits for it to stop too
                ParallelStages.settleIfCancelled(List.of(ref));
            }
            stages.addAll(hot);
            stages.add(merged);
            StageResult r = ref.get();
            stages.add(r);
            reference = r.output(SamplingStages.SAMPLES);
            buffers.add(merged.output(SamplingStages.SAMPLES));
            stage = "rung 0: evaluate";
            stages.add(evaluation.evaluate(state.run(), 0, merged.output(SamplingStages.SAMPLES), null, null));
            state = new LadderState(state.run(), stages, 0, reference, buffers, null, state.startedMillis(), state.heartbeatTimeout());
        }
        int k = state.nextRung();
        int rungs = state.run().spec().rungs();
        if (k < rungs - 1) {
            stage = "rung " + k;
            RungWorkflow child = Workflow.newChildWorkflowStub(RungWorkflow.class,
                    ChildWorkflowOptions.newBuilder().setWorkflowId(state.run().runId() + "/rung-" + k).setTaskQueue(PipelineOptions.CPU_QUEUE).build());
            RungOutcome outcome = child.run(new RungInput(state.run(), k, buffers, state.checkpoint(), reference, state.heartbeatTimeout()));
            stages.addAll(outcome.stages());
            buffers.add(outcome.samples());
            LadderState next = new LadderState(state.run(), stages, k + 1, reference, buffers, outcome.checkpoint(), state.startedMillis(),
                    state.heartbeatTimeout());
            if (k + 1 < rungs - 1) {
                // a fresh history per rung keeps every segment far below Temporal's event and size limits
                Workflow.continueAsNew(next);
            }
            state = next;
        }
        stage = "report";
        StageResult report = evaluation.report(state.run(), stages);
        stages.add(report);
        finished = true;
        stage = "done";
        int reused = (int) stages.stream().filter(StageResult::cached).count();
        return new RunOutcome(report, stages.size(), reused, state.energyEvaluations());
    }

    @Override
    public RunProgress progress() {
        if (state == null) return new RunProgress(0, stage, 0, 0, 0, 0, false);
        return new RunProgress(state.nextRung(), stage, stages.size(), RunProgress.stagesOf(state.run().spec()),
                stages.stream().mapToLong(StageResult::energyEvaluations).sum(), state.startedMillis(), finished);
    }
}
