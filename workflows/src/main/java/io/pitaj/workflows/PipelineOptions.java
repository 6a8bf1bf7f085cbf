package io.pitaj.workflows;

import io.pitaj.activities.pipeline.PipelineEnvironment;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * The task queues and the activity options of the pipeline. GPU-heavy stages (training, annealing and its merge and
 * relaxation) go to the {@value #GPU_QUEUE} queue, sampling, evaluation and reports — and the workflows themselves —
 * to {@value #CPU_QUEUE}. Retries are bounded (5 attempts, 1 s doubling to 1 min); bad input is never retried. Long
 * stages heartbeat, so a lost worker is noticed within the run's heartbeat timeout and its stage retried elsewhere,
 * resuming from what it stored.
 *
 * <p>A cancelled run waits for each running stage to acknowledge ({@code WAIT_CANCELLATION_COMPLETED}): a long
 * stage notices at its next heartbeat sent, at most {@link #HEARTBEAT_INTERVAL} later, and stops before storing its
 * outputs or record; a short one, which has no heartbeat, finishes. So a run ends cancelled only once none of its
 * stages is running, and a rerun of its id cannot meet a stage of the old run still writing into the same work
 * directory.
 */
public final class PipelineOptions {
    public static final String CPU_QUEUE = "pita-cpu", GPU_QUEUE = "pita-gpu";
    /** Seconds a long stage may be silent before it is presumed lost (its worker died) and retried, unless the run asks otherwise. */
    public static final int DEFAULT_HEARTBEAT_SECONDS = 60;
    /** How soon a running stage hears of a cancellation: its heartbeats reach Temporal at least this often (else 0.8 × the timeout). */
    public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(5);

    private static final RetryOptions RETRY = RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setBackoffCoefficient(2)
            .setMaximumInterval(Duration.ofMinutes(1))
            .setMaximumAttempts(5)
            .setDoNotRetry(PipelineEnvironment.BAD_INPUT)
            .build();

    /** Stages without inner progress (merges, evaluation, report): hours at most. */
    public static final ActivityOptions CPU_SHORT = options(CPU_QUEUE, Duration.ofHours(6), null);
    public static final ActivityOptions GPU_SHORT = options(GPU_QUEUE, Duration.ofHours(6), null);

    private PipelineOptions() {}

    /**
     * Stages that report progress (sampling, training, annealing) on {@code queue}: days at most (a full GPU training
     * rung). The heartbeat timeout comes from the workflow's input, so a replay sees the value the run started with;
     * null, as in a history written before runs chose it, is the default.
     */
    public static ActivityOptions longStage(String queue, Duration heartbeatTimeout) {
        return options(queue, Duration.ofDays(2), heartbeatTimeout != null ? heartbeatTimeout : Duration.ofSeconds(DEFAULT_HEARTBEAT_SECONDS));
    }

    private static ActivityOptions options(String queue, Duration startToClose, Duration heartbeat) {
        ActivityOptions.Builder b = ActivityOptions.newBuilder().setTaskQueue(queue).setStartToCloseTimeout(startToClose).setRetryOptions(RETRY)
                .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED);
        if (heartbeat != null) b.setHeartbeatTimeout(heartbeat);
        return b.build();
    }
}
