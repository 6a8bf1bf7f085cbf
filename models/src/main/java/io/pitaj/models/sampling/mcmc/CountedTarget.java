package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.sampling.EvaluationCounts;
import io.pitaj.models.targets.Target;
import java.util.concurrent.atomic.LongAdder;

/**
 * A target as the samplers call it: every call is counted for {@link EvaluationCounts}, and gradients of mean-free
 * targets are projected onto the mean-free subspace. Samplers work with E and ∇E rather than log π_T because both
 * are temperature-free, so replica exchange can swap configurations between rungs without re-evaluating them.
 * Safe to call from several threads (NUTS runs chains in parallel).
 */
public final class CountedTarget {
    private final Target target;
    private final LongAdder energies = new LongAdder();
    private final LongAdder forces = new LongAdder();

    public CountedTarget(Target target) { this.target = target; }

    public Target target() { return target; }

    /** Energies and gradients dE/dx of {@code batch} rows of {@code x}; {@code batch} force evaluations. */
    public void energiesAndGradients(double[] x, int batch, double[] energyOut, double[] gradOut) {
        target.energies(x, batch, energyOut, gradOut);
        forces.add(batch);
        MeanFree.project(target, gradOut, batch);
    }

    /** Energies only; {@code batch} energy evaluations. */
    public void energies(double[] x, int batch, double[] energyOut) {
        target.energies(x, batch, energyOut, null);
        energies.add(batch);
    }

    public EvaluationCounts counts() { return new EvaluationCounts(energies.sum(), forces.sum(), 0); }
}
