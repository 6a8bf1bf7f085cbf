package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.targets.Target;
import java.util.SplittableRandom;

/**
 * Parallel tempering: one batch of chains per rung of a temperature ladder (coldest first), each moved by its own
 * binding of {@code kernel} ({@link Mala}, {@link Hmc}, {@link Nuts} or {@link LangevinMd}), with swap attempts
 * between neighbouring rungs after every {@code movesPerRound} moves. Chain column c of every rung forms one
 * independent replica-exchange system: swaps exchange chain c of rung i with chain c of rung i+1, accepted with
 * probability min(1, exp((β_i − β_{i+1})(E_i − E_{i+1}))), which keeps Π_r π_{T_r} invariant. Rounds alternate
 * between even pairs (0–1, 2–3, …) and odd pairs (1–2, 3–4, …), so that each round's swaps are disjoint.
 *
 * <p>The schedule counts rounds: {@code warmupSteps} warm-up rounds (kernels adapt, no samples, no swap statistics),
 * then {@code samples} kept states, one every {@code thinning} rounds.
 *
 * @param temperatures  the ladder, strictly increasing from the target temperature, in the target's unit
 * @param movesPerRound kernel moves of every rung between swap attempts
 * @param keepAllRungs  whether to keep samples of every rung or only of the coldest
 */
public record ReplicaExchange(MarkovKernel kernel, double[] temperatures, int movesPerRound, boolean keepAllRungs) {
    public ReplicaExchange {
        temperatures = temperatures.clone();
        if (temperatures.length < 2) throw new IllegalArgumentException("replica exchange needs at least two rungs");
        for (int r = 0; r < temperatures.length; r++) {
            if (!(temperatures[r] > 0) || Double.isInfinite(temperatures[r]) || (r > 0 && !(temperatures[r] > temperatures[r - 1]))) {
                throw new IllegalArgumentException("temperatures must be positive, finite and strictly increasing");
            }
        }
        if (movesPerRound < 1) throw new IllegalArgumentException("need at least one move per round, got " + movesPerRound);
    }

    @Override
    public double[] temperatures() { return temperatures.clone(); }

    /** Runs {@code chains} columns, every rung starting from the rows of {@code x0} (chains × dimension). */
    public ReplicaExchangeResult run(Target target, double[] x0, int chains, Schedule schedule, long seed) {
        return run(target, x0, chains, schedule, seed, SamplerProgress.NONE);
    }

    /** As {@link #run(Target, double[], int, Schedule, long)}, reporting progress in rounds. */
    public ReplicaExchangeResult run(Target target, double[] x0, int chains, Schedule schedule, long seed, SamplerProgress progress) {
        int rungs = temperatures.length;
        CountedTarget counted = new CountedTarget(target);
        SplittableRandom root = new SplittableRandom(seed);
        ChainBatch[] batches = new ChainBatch[rungs];
        ChainMove[] moves = new ChainMove[rungs];
        SampleStore[] stores = new SampleStore[keepAllRungs ? rungs : 1];
        double[] beta = new double[rungs];
        for (int r = 0; r < rungs; r++) {
            batches[r] = new ChainBatch(counted, x0, chains);
            moves[r] = kernel.bind(target, temperatures[r], chains, root.nextLong());
            beta[r] = 1.0 / target.unit().kT(temperatures[r]);
            if (r < stores.length) stores[r] = new SampleStore(chains, schedule.samples(), target.dimension());
        }
        SplittableRandom[] swapRngs = ChainSeeds.split(root.nextLong(), chains);
        long[] attempts = new long[rungs - 1], accepted = new long[rungs - 1];
        long rounds = schedule.warmupSteps() + schedule.samplingSteps();
        for (long round = 0; round < rounds; round++) {
            boolean warmup = round < schedule.warmupSteps();
            for (int r = 0; r < rungs; r++) moves[r].advance(batches[r], movesPerRound, warmup);
            for (int i = (int) (round % 2); i + 1 < rungs; i += 2) {
                for (int c = 0; c < chains; c++) {
                    double logAccept = (beta[i] - beta[i + 1]) * (batches[i].energy(c) - batches[i + 1].energy(c));
                    boolean swap = Math.log(swapRngs[c].nextDouble()) < logAccept; // false for NaN
                    if (swap) batches[i].swap(c, batches[i + 1], c);
                    if (!warmup) {
                        attempts[i]++;
                        if (swap) accepted[i]++;
                    }
                }
            }
            long sampled = round - schedule.warmupSteps() + 1;
            if (!warmup && sampled % schedule.thinning() == 0) {
                int k = (int) (sampled / schedule.thinning()) - 1;
                for (int r = 0; r < stores.length; r++) stores[r].record(batches[r], k);
            }
            progress.advanced(round + 1, rounds);
        }
        double[][] acceptance = new double[rungs][], stepSizes = new double[rungs][];
        for (int r = 0; r < rungs; r++) {
            acceptance[r] = moves[r].acceptance();
            stepSizes[r] = moves[r].stepSizes();
        }
        double[][] samples = new double[stores.length][], energies = new double[stores.length][];
        for (int r = 0; r < stores.length; r++) {
            samples[r] = stores[r].samples;
            energies[r] = stores[r].energies;
        }
        return new ReplicaExchangeResult(temperatures.clone(), chains, schedule.samples(), target.dimension(), samples, energies,
                attempts, accepted, acceptance, stepSizes, counted.counts());
    }
}
