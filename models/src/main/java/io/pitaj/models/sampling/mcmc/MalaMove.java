package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.targets.Target;
import java.util.SplittableRandom;

/** {@link Mala} bound to a batch of chains: its step sizes and random streams. */
final class MalaMove implements ChainMove {
    private final double beta;
    private final SplittableRandom[] rngs;
    private final AdaptiveStepSizes steps;
    private final MalaStep step;
    private final double[] acceptance;

    MalaMove(Mala settings, Target target, double temperature, int chains, long seed) {
        this.beta = 1.0 / target.unit().kT(temperature);
        this.rngs = ChainSeeds.split(seed, chains);
        this.steps = new AdaptiveStepSizes(chains, settings.initialStepSize(), settings.targetAcceptance(), settings.adaptation());
        this.step = new MalaStep(chains, target.dimension());
        this.acceptance = new double[chains];
    }

    @Override
    public void advance(ChainBatch chains, int count, boolean warmup) {
        if (!warmup) steps.freeze();
        for (int s = 0; s < count; s++) {
            step.apply(chains, beta, steps.stepSizes(), rngs, acceptance);
            steps.observe(acceptance);
        }
    }

    @Override
    public double[] acceptance() { return steps.acceptance(); }

    @Override
    public double[] stepSizes() { return steps.stepSizes().clone(); }
}
