package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.targets.Target;

/** A kind of π_T-invariant move (MALA, HMC, NUTS, Langevin dynamics) with its settings, not yet bound to chains. */
public interface MarkovKernel {
    /**
     * A move for {@code chains} chains of {@code target} at {@code temperature} (in the target's temperature unit),
     * drawing chain c's randomness from the c-th split of {@code seed}.
     */
    ChainMove bind(Target target, double temperature, int chains, long seed);
}
