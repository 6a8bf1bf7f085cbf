package io.pitaj.models.sampling.mcmc;

import java.util.SplittableRandom;

/** One random stream per chain, so that a chain's draws do not depend on how chains are scheduled over threads. */
final class ChainSeeds {
    private ChainSeeds() {}

    static SplittableRandom[] split(long seed, int chains) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[chains];
        for (int c = 0; c < chains; c++) streams[c] = root.split();
        return streams;
    }
}
