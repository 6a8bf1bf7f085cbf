package io.pitaj.activities.pipeline;

import io.pitaj.activities.provenance.ArtifactRef;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** From rung k's model to rung k+1's samples: annealing shards (GPU), their merge and the relaxation (CPU). */
@ActivityInterface
public interface AnnealingActivities {
    /** Shard {@code shard} of the Feynman–Kac annealing of rung {@code rung}'s model by γ = T_rung / T_rung+1. */
    @ActivityMethod
    StageResult anneal(RunRequest run, int rung, ArtifactRef model, int shard);

    /** The shards as one weighted set: weights normalised per shard and scaled by each shard's N_s·Ẑ_s. */
    @ActivityMethod
    StageResult mergeAnnealed(RunRequest run, int rung, List<StageResult> shards);

    /** The relaxation stage at the new rung's temperature (the set unchanged when the spec asks for 0 steps). */
    @ActivityMethod
    StageResult relax(RunRequest run, int rung, ArtifactRef samples);
}
