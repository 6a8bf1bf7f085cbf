package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.targets.StandardNormal;
import io.pitaj.models.targets.Target;
import java.util.SplittableRandom;

/** {@link Hmc} bound to a batch of chains: step sizes, random streams and the trajectory's scratch state. */
final class HmcMove implements ChainMove {
    private final Hmc settings;
    private final Target target;
    private final double beta;
    private final SplittableRandom[] rngs;
    private final AdaptiveStepSizes steps;
    private final double[] x, p, grad, energy, eps, startHamiltonian, acceptance;

    HmcMove(Hmc settings, Target target, double temperature, int chains, long seed) {
        this.settings = settings;
        this.target = target;
        this.beta = 1.0 / target.unit().kT(temperature);
        this.rngs = ChainSeeds.split(seed, chains);
        this.steps = new AdaptiveStepSizes(chains, settings.initialStepSize(), settings.targetAcceptance(), settings.adaptation());
        int n = chains * target.dimension();
        this.x = new double[n];
        this.p = new double[n];
        this.grad = new double[n];
        this.energy = new double[chains];
        this.eps = new double[chains];
        this.startHamiltonian = new double[chains];
        this.acceptance = new double[chains];
    }

    @Override
    public void advance(ChainBatch chains, int count, boolean warmup) {
        if (!warmup) steps.freeze();
        for (int s = 0; s < count; s++) {
            trajectory(chains);
            steps.observe(acceptance);
        }
    }

    /** One HMC iteration for every chain: the trajectory runs on copies, accepted chains are copied back. */
    private void trajectory(ChainBatch b) {
        int n = b.chains, d = b.dimension;
        System.arraycopy(b.x, 0, x, 0, n * d);
        System.arraycopy(b.grad, 0, grad, 0, n * d);
        System.arraycopy(b.energy, 0, energy, 0, n);
        for (int c = 0; c < n; c++) {
            for (int j = c * d; j < (c + 1) * d; j++) p[j] = StandardNormal.draw(rngs[c]);
            double jitter = 1 + settings.stepJitter() * (2 * rngs[c].nextDouble() - 1);
            eps[c] = steps.stepSize(c) * jitter;
        }
        MeanFree.project(target, p, n);
        for (int c = 0; c < n; c++) startHamiltonian[c] = beta * energy[c] + Leapfrog.kineticEnergy(p, c, d);
        for (int l = 0; l < settings.leapfrogSteps(); l++) Leapfrog.step(b.target, x, p, grad, energy, n, eps, beta);
        for (int c = 0; c < n; c++) {
            double logAccept = startHamiltonian[c] - beta * energy[c] - Leapfrog.kineticEnergy(p, c, d);
            if (!Double.isFinite(logAccept)) logAccept = Double.NEGATIVE_INFINITY; // diverged or started from a non-finite state
            acceptance[c] = logAccept >= 0 ? 1 : Math.exp(logAccept);
            if (Math.log(rngs[c].nextDouble()) < logAccept) {
                System.arraycopy(x, c * d, b.x, c * d, d);
                System.arraycopy(grad, c * d, b.grad, c * d, d);
                b.energy[c] = energy[c];
            }
        }
    }

    @Override
    public double[] acceptance() { return steps.acceptance(); }

    @Override
    public double[] stepSizes() { return steps.stepSizes().clone(); }
}
