package io.pitaj.workflows;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One rung of the ladder as a child workflow: Train → Anneal (S shards) → Merge → Relax → Evaluate. */
@WorkflowInterface
public interface RungWorkflow {
    @WorkflowMethod
    RungOutcome run(RungInput input);

    @QueryMethod
    RungProgress progress();
}
