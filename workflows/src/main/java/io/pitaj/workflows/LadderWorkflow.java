package io.pitaj.workflows;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A whole PITA run: hot data and the reference, then one {@link RungWorkflow} per rung — each a child workflow, the
 * ladder continuing as new after each so that its history stays bounded — then the report. Its id is the run id.
 * Cancelled, it cancels its running rung and stages and ends cancelled once they have stopped; the stored stages
 * stay, and a new run of the same id reuses them.
 */
@WorkflowInterface
public interface LadderWorkflow {
    @WorkflowMethod
    RunOutcome run(LadderState state);

    @QueryMethod
    RunProgress progress();
}
