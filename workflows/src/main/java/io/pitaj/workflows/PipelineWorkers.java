package io.pitaj.workflows;

import io.pitaj.activities.pipeline.AnnealingStages;
import io.pitaj.activities.pipeline.EvaluationStages;
import io.pitaj.activities.pipeline.PipelineEnvironment;
import io.pitaj.activities.pipeline.SamplingStages;
import io.pitaj.activities.pipeline.TrainingStages;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.util.Set;

/**
 * A worker process's pollers: the {@value PipelineOptions#CPU_QUEUE} queue runs the workflows, sampling, evaluation
 * and reports; the {@value PipelineOptions#GPU_QUEUE} queue runs training and annealing. The embedded default polls
 * both; a cluster machine polls the queue it was started for.
 */
public final class PipelineWorkers {
    private PipelineWorkers() {}

    /**
     * Starts a factory polling {@code queues}; close it with {@code shutdown()} and {@code awaitTermination}.
     *
     * @param concurrentActivities stages run at once by this process (shards of one stage are the usual pair)
     */
    public static WorkerFactory start(WorkflowClient client, PipelineEnvironment env, Set<String> queues, int concurrentActivities) {
        WorkerFactory factory = WorkerFactory.newInstance(client);
        WorkerOptions options = WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(concurrentActivities)
                .setMaxHeartbeatThrottleInterval(PipelineOptions.HEARTBEAT_INTERVAL).build();
        if (queues.contains(PipelineOptions.CPU_QUEUE)) {
            Worker w = factory.newWorker(PipelineOptions.CPU_QUEUE, options);
            w.registerWorkflowImplementationTypes(LadderWorkflowImpl.class, RungWorkflowImpl.class);
            w.registerActivitiesImplementations(new SamplingStages(env), new EvaluationStages(env));
        }
        if (queues.contains(PipelineOptions.GPU_QUEUE)) {
            Worker w = factory.newWorker(PipelineOptions.GPU_QUEUE, options);
            w.registerActivitiesImplementations(new TrainingStages(env), new AnnealingStages(env));
        }
        factory.start();
        return factory;
    }
}
