package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.targets.StandardNormal;
import io.pitaj.models.targets.Target;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** {@link Nuts} bound to a batch of chains; every chain builds its trees in its own task. */
final class NutsMove implements ChainMove {
    /** An energy error beyond this (in units of k_B T) marks the trajectory as divergent, as in Stan. */
    private static final double MAX_ENERGY_ERROR = 1000;

    private final Nuts settings;
    private final Target target;
    private final double beta;
    private final SplittableRandom[] rngs;
    private final AdaptiveStepSizes steps;

    NutsMove(Nuts settings, Target target, double temperature, int chains, long seed) {
        this.settings = settings;
        this.target = target;
        this.beta = 1.0 / target.unit().kT(temperature);
        this.rngs = ChainSeeds.split(seed, chains);
        this.steps = new AdaptiveStepSizes(chains, settings.initialStepSize(), settings.targetAcceptance(), settings.adaptation());
    }

    @Override
    public void advance(ChainBatch chains, int count, boolean warmup) {
        if (!warmup) steps.freeze();
        IntStream.range(0, chains.chains).parallel().forEach(c -> {
            int d = chains.dimension;
            Point state = new Point(d);
            System.arraycopy(chains.x, c * d, state.x, 0, d);
            System.arraycopy(chains.grad, c * d, state.grad, 0, d);
            state.energy[0] = chains.energy[c];
            for (int s = 0; s < count; s++) state = transition(chains.target, state, c);
            System.arraycopy(state.x, 0, chains.x, c * d, d);
            System.arraycopy(state.grad, 0, chains.grad, c * d, d);
            chains.energy[c] = state.energy[0];
        });
    }

    /** A phase-space point of one chain; never changed once built, so subtrees can share it. */
    private static final class Point {
        final double[] x, p, grad, energy = new double[1];

        Point(int d) {
            x = new double[d];
            p = new double[d];
            grad = new double[d];
        }

        Point copy() {
            Point q = new Point(x.length);
            System.arraycopy(x, 0, q.x, 0, x.length);
            System.arraycopy(p, 0, q.p, 0, p.length);
            System.arraycopy(grad, 0, q.grad, 0, grad.length);
            q.energy[0] = energy[0];
            return q;
        }
    }

    /** A built subtree: its two ends, its multinomial draw, log Σ exp(H₀ − H) over its leaves. */
    private static final class Subtree {
        Point minus, plus, proposal;
        double logWeight;
        double acceptanceSum;
        int leaves;
        /** Diverged or turned: the caller must not extend it or draw from it. */
        boolean invalid;

        Subtree(Point p, double logWeight) {
            this.minus = p;
            this.plus = p;
            this.proposal = p;
            this.logWeight = logWeight;
        }

        Point edge(int direction) { return direction > 0 ? plus : minus; }
    }

    private Point transition(CountedTarget counted, Point current, int c) {
        SplittableRandom rng = rngs[c];
        Point start = current.copy();
        for (int j = 0; j < start.p.length; j++) start.p[j] = StandardNormal.draw(rng);
        MeanFree.project(target, start.p, 1);
        double h0 = hamiltonian(start);
        Subtree tree = new Subtree(start, 0);
        double acceptanceSum = 0;
        int leaves = 0;
        for (int depth = 0; depth < settings.maxTreeDepth(); depth++) {
            int direction = rng.nextBoolean() ? 1 : -1;
            Subtree next = build(counted, tree.edge(direction), direction, depth, h0, steps.stepSize(c), rng);
            acceptanceSum += next.acceptanceSum;
            leaves += next.leaves;
            if (next.invalid) break;
            // biased progressive sampling: prefer the new half in proportion to its weight
            if (Math.log(rng.nextDouble()) < next.logWeight - tree.logWeight) tree.proposal = next.proposal;
            tree.logWeight = logAddExp(tree.logWeight, next.logWeight);
            if (direction > 0) tree.plus = next.plus; else tree.minus = next.minus;
            if (turned(tree.minus, tree.plus)) break;
        }
        steps.observe(c, acceptanceSum / leaves);
        return tree.proposal;
    }

    /** The 2^depth leapfrog steps from {@code edge} in {@code direction}, built by recursive doubling. */
    private Subtree build(CountedTarget counted, Point edge, int direction, int depth, double h0, double stepSize,
                          SplittableRandom rng) {
        if (depth == 0) return leaf(counted, edge, direction * stepSize, h0);
        Subtree first = build(counted, edge, direction, depth - 1, h0, stepSize, rng);
        if (first.invalid) return first;
        Subtree second = build(counted, first.edge(direction), direction, depth - 1, h0, stepSize, rng);
        first.acceptanceSum += second.acceptanceSum;
        first.leaves += second.leaves;
        if (second.invalid) {
            first.invalid = true;
            return first;
        }
        double logWeight = logAddExp(first.logWeight, second.logWeight);
        // uniform multinomial draw over the merged subtree's leaves
        if (Math.log(rng.nextDouble()) < second.logWeight - logWeight) first.proposal = second.proposal;
        first.logWeight = logWeight;
        if (direction > 0) first.plus = second.plus; else first.minus = second.minus;
        first.invalid = turned(first.minus, first.plus);
        return first;
    }

    private Subtree leaf(CountedTarget counted, Point from, double eps, double h0) {
        Point q = from.copy();
        Leapfrog.step(counted, q.x, q.p, q.grad, q.energy, 1, new double[] {eps}, beta);
        double error = hamiltonian(q) - h0;
        boolean finite = Double.isFinite(error);
        Subtree t = new Subtree(q, finite ? -error : Double.NEGATIVE_INFINITY);
        t.acceptanceSum = finite ? Math.min(1, Math.exp(-error)) : 0;
        t.leaves = 1;
        t.invalid = !finite || error > MAX_ENERGY_ERROR;
        return t;
    }

    private double hamiltonian(Point q) { return beta * q.energy[0] + Leapfrog.kineticEnergy(q.p, 0, q.p.length); }

    /** The Hoffman–Gelman criterion: either end's momentum points back across the span. */
    private static boolean turned(Point minus, Point plus) {
        double towardsMinus = 0, towardsPlus = 0;
        for (int j = 0; j < minus.x.length; j++) {
            double span = plus.x[j] - minus.x[j];
            towardsMinus += span * minus.p[j];
            towardsPlus += span * plus.p[j];
        }
        return towardsMinus < 0 || towardsPlus < 0;
    }

    private static double logAddExp(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) return b;
        if (b == Double.NEGATIVE_INFINITY) return a;
        double m = Math.max(a, b);
        return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
    }

    @Override
    public double[] acceptance() { return steps.acceptance(); }

    @Override
    public double[] stepSizes() { return steps.stepSizes().clone(); }
}
