package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.targets.Target;
import java.util.Arrays;

/**
 * The current state of a batch of independent chains on one target: positions (chains × dimension, row-major), their
 * energies and energy gradients dE/dx. Moves update all three together, so a state is never re-evaluated.
 */
public final class ChainBatch {
    final CountedTarget target;
    final int chains;
    final int dimension;
    final double[] x;
    final double[] energy;
    final double[] grad;

    /** Copies the first {@code chains} rows of {@code x0}, projects them if the target is mean-free, evaluates them. */
    public ChainBatch(CountedTarget target, double[] x0, int chains) {
        Target t = target.target();
        if (chains < 1) throw new IllegalArgumentException("need at least one chain, got " + chains);
        if (x0.length < (long) chains * t.dimension()) {
            throw new IllegalArgumentException("initial positions hold " + x0.length + " values, need " + chains + " × " + t.dimension());
        }
        this.target = target;
        this.chains = chains;
        this.dimension = t.dimension();
        this.x = Arrays.copyOf(x0, chains * dimension);
        this.energy = new double[chains];
        this.grad = new double[chains * dimension];
        MeanFree.project(t, x, chains);
        target.energiesAndGradients(x, chains, energy, grad);
    }

    public int chains() { return chains; }

    public int dimension() { return dimension; }

    /** A copy of the positions, chains × dimension. */
    public double[] positions() { return x.clone(); }

    /** A copy of the energies, one per chain. */
    public double[] energies() { return energy.clone(); }

    double energy(int chain) { return energy[chain]; }

    /** Exchanges chain {@code c}'s state with chain {@code oc} of {@code other} (a replica-exchange swap). */
    void swap(int c, ChainBatch other, int oc) {
        double e = energy[c];
        energy[c] = other.energy[oc];
        other.energy[oc] = e;
        swapRows(x, other.x, c, oc);
        swapRows(grad, other.grad, c, oc);
    }

    private void swapRows(double[] a, double[] b, int ra, int rb) {
        int oa = ra * dimension, ob = rb * dimension;
        for (int j = 0; j < dimension; j++) {
            double t = a[oa + j];
            a[oa + j] = b[ob + j];
            b[ob + j] = t;
        }
    }
}
