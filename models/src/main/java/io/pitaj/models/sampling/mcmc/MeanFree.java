package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.targets.Centring;
import io.pitaj.models.targets.ParticleLayout;
import io.pitaj.models.targets.Target;

/**
 * Keeps the vectors of a mean-free target in its centre-of-mass-free subspace. Positions, gradients, noise and
 * momenta are all projected, so that proposal densities and kinetic energies are those of the subspace the target
 * lives in, and round-off cannot let the mean drift.
 */
final class MeanFree {
    private MeanFree() {}

    /** Subtracts the unweighted particle mean, per spatial axis, from each of {@code batch} rows; no-op otherwise. */
    static void project(Target target, double[] v, int batch) {
        if (!target.meanFree()) return;
        ParticleLayout layout = target.layout();
        for (int s = 0; s < batch; s++) Centring.removeMean(v, s * layout.dimension(), layout.particles(), layout.spatialDim());
    }
}
