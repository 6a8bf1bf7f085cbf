package io.pitaj.workflows;

import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * Waiting for stages that run side by side (shards, the reference beside the hot data). A failure is rethrown at
 * once, as before; but under cancellation each of the others is first waited for until it stopped, because the first
 * cancelled stage would otherwise end the workflow while its siblings still run. Issues no command of its own.
 */
final class ParallelStages {
    private ParallelStages() {}

    /** The results in order. */
    static <T> List<T> join(List<Promise<T>> stages) {
        List<T> out = new ArrayList<>();
        try {
            for (Promise<T> p : stages) out.add(p.get());
        } finally {
            settleIfCancelled(stages);
        }
        return out;
    }

    /** Under cancellation, returns only once every stage has ended, however it ended; else at once. */
    static void settleIfCancelled(List<? extends Promise<?>> stages) {
        if (!CancellationScope.current().isCancelRequested()) return;
        for (Promise<?> p : stages) p.handle((value, failure) -> null).get();
    }
}
