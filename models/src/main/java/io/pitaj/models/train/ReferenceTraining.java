package io.pitaj.models.train;

import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.targets.EnergyUnit;

/**
 * The released training settings per system (pita-algorithm.md §1.9): peptides (kJ/mol systems) use the target-score
 * term at weight 0.01, batch 2048 and fine-tune on the newest rung; particle systems and toys weights 1, 1, 1, 0,
 * batch 512 and one β-conditioned model over all rungs (LJ-13's choice).
 */
public final class ReferenceTraining {
    public static final int PEPTIDE_BATCH = 2048, PARTICLE_BATCH = 512;

    private ReferenceTraining() {}

    static boolean peptide(SystemInfo<?> system) { return system.unit() == EnergyUnit.KJ_PER_MOL; }

    public static LossWeights weights(SystemInfo<?> system) { return peptide(system) ? LossWeights.PEPTIDES : LossWeights.PARTICLES; }

    public static int batchSize(SystemInfo<?> system) { return peptide(system) ? PEPTIDE_BATCH : PARTICLE_BATCH; }

    public static boolean trainOnAllRungs(SystemInfo<?> system) { return !peptide(system); }
}
