package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.targets.StandardNormal;
import java.util.SplittableRandom;

/**
 * One Metropolis-adjusted Langevin step for every chain of a batch: proposal y = x + (dt/2)∇log π(x) + √dt ξ on
 * log π = −βE, accepted with the exact MALA probability min(1, π(y)q(x|y) / (π(x)q(y|x))). For mean-free targets ξ
 * is projected, so q is the Gaussian of the subspace and its normalisation cancels in the ratio as usual.
 */
final class MalaStep {
    private final double[] proposal;
    private final double[] proposalEnergy;
    private final double[] proposalGrad;

    MalaStep(int chains, int dimension) {
        this.proposal = new double[chains * dimension];
        this.proposalEnergy = new double[chains];
        this.proposalGrad = new double[chains * dimension];
    }

    /**
     * Moves the chains in place with step sizes {@code dt[c]} (squared length units: dt is the per-coordinate
     * proposal variance) and writes each chain's acceptance probability. Chains whose current log π is not finite
     * are left where they are, with acceptance 0: they have no density to compare against.
     *
     * @return how many chains moved
     */
    int apply(ChainBatch b, double beta, double[] dt, SplittableRandom[] rngs, double[] acceptanceOut) {
        int n = b.chains, d = b.dimension;
        for (int c = 0; c < n; c++) {
            double drift = 0.5 * dt[c] * beta, noise = Math.sqrt(dt[c]);
            for (int j = c * d; j < (c + 1) * d; j++) proposal[j] = b.x[j] - drift * b.grad[j] + noise * StandardNormal.draw(rngs[c]);
        }
        // x and ∇E are already mean-free, so this projects ξ alone (and clears round-off)
        MeanFree.project(b.target.target(), proposal, n);
        b.target.energiesAndGradients(proposal, n, proposalEnergy, proposalGrad);
        int moved = 0;
        for (int c = 0; c < n; c++) {
            double u = rngs[c].nextDouble();
            if (!Double.isFinite(b.energy[c])) {
                acceptanceOut[c] = 0;
                continue;
            }
            double logAccept = logAcceptance(b, c, beta, dt[c]);
            acceptanceOut[c] = logAccept >= 0 ? 1 : Math.exp(logAccept);
            if (Math.log(u) < logAccept) {
                System.arraycopy(proposal, c * d, b.x, c * d, d);
                System.arraycopy(proposalGrad, c * d, b.grad, c * d, d);
                b.energy[c] = proposalEnergy[c];
                moved++;
            }
        }
        return moved;
    }

    /** log[π(y)q(x|y)] − log[π(x)q(y|x)]; −∞ for a proposal without finite energy. */
    private double logAcceptance(ChainBatch b, int c, double beta, double dt) {
        if (!Double.isFinite(proposalEnergy[c])) return Double.NEGATIVE_INFINITY;
        double drift = 0.5 * dt * beta, forward = 0, backward = 0;
        for (int j = c * b.dimension; j < (c + 1) * b.dimension; j++) {
            double step = proposal[j] - b.x[j];
            double f = step + drift * b.grad[j];        // y − x − (dt/2)∇log π(x)
            double r = -step + drift * proposalGrad[j]; // x − y − (dt/2)∇log π(y)
            forward += f * f;
            backward += r * r;
        }
        return -beta * (proposalEnergy[c] - b.energy[c]) + (forward - backward) / (2 * dt);
    }
}
