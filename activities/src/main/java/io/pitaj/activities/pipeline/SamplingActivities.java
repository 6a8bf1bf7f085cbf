package io.pitaj.activities.pipeline;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** Sample sets made by samplers: the hot data (sharded) and the reference at the target temperature. CPU queue. */
@ActivityInterface
public interface SamplingActivities {
    /** Shard {@code shard} of the hot data: {@code hot.samples / hot.shards} samples with the shard's own seed. */
    @ActivityMethod
    StageResult hotSamples(RunRequest run, int shard);

    /** The shards as one set (rows concatenated; MCMC samples carry equal weights). */
    @ActivityMethod
    StageResult mergeHotSamples(RunRequest run, List<StageResult> shards);

    /** The reference set at the target temperature, the evaluation's yardstick. */
    @ActivityMethod
    StageResult reference(RunRequest run);
}
