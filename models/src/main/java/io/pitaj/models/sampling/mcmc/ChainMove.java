package io.pitaj.models.sampling.mcmc;

/**
 * A Markov kernel that leaves π_T invariant, bound to one batch of chains at one temperature. It carries its tuning
 * (step sizes) from call to call, so replica exchange can keep one per rung while configurations travel between
 * rungs.
 */
public interface ChainMove {
    /**
     * Moves every chain {@code steps} times in place. During warm-up the move may adapt itself; the first call
     * outside warm-up freezes it, so that the chain sampled afterwards is a fixed kernel's.
     */
    void advance(ChainBatch chains, int steps, boolean warmup);

    /** Mean acceptance probability per chain since warm-up ended; NaN for moves without an accept/reject step. */
    double[] acceptance();

    /** Step size per chain in the move's own unit (see the kernel), as it stands now. */
    double[] stepSizes();
}
