package io.pitaj.models.train;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.NamedGraph;
import io.pitaj.models.nets.ModelPair;
import io.pitaj.models.nn.ParameterSet;
import io.pitaj.models.runtime.ExecutionProvider;
import io.pitaj.models.runtime.SessionSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * PITA's training loop (pita-algorithm.md §1.4, §1.7) for the training activity and {@code pita train}: builds the
 * score and energy networks (the energy network a copy of the score network), the loss and one carried
 * {@link Trainer}, then takes updates until the configured step count, checkpointing on the way.
 *
 * <p>Determinism: update t draws its rung, samples, rotations, noise levels and noise from a generator seeded by
 * (seed, t) alone, and its dropout masks from (seed, t) inside the graph. A run resumed from the checkpoint of step
 * s therefore continues exactly as the uninterrupted run did (bit for bit on the same CPU and thread count).
 */
public final class PitaTrainer {
    /** Network and optimiser precision. */
    public static final DType PRECISION = DType.F32;
    /** Checkpoints kept in a directory (older ones are deleted once a newer one is safely written). */
    public static final int CHECKPOINTS_KEPT = 2;
    /** Steps over which the result's loss summary averages. */
    public static final int SUMMARY_WINDOW = 100;

    /**
     * @param state          the state after the last update
     * @param models         the architecture with the raw weights of {@code state}
     * @param meanTerms      each loss term averaged over the last {@value #SUMMARY_WINDOW} updates of this call
     * @param meanLoss       the weighted total over the same window
     * @param stepsPerSecond updates per second of this call
     * @param provider       where the step ran
     * @param history        the loss curve of this call's updates (a resumed run's curve starts at its checkpoint)
     */
    public record Result(TrainingState state, ModelPair models, Map<String, Double> meanTerms, double meanLoss,
                         double stepsPerSecond, ExecutionProvider provider, LossCurve history) {
        /** The networks with their EMA weights: what sampling and export use. */
        public ModelPair emaModels() { return withWeights(models, state.ema()); }
    }

    private final SessionSettings session;
    private final Path checkpointDir;

    /** @param checkpointDir where checkpoints go; null for none */
    public PitaTrainer(SessionSettings session, Path checkpointDir) {
        this.session = session;
        this.checkpointDir = checkpointDir;
    }

    /**
     * Trains on {@code rungs} (the replay buffers, hot → cold; the last is the active rung) until
     * {@code config.steps()} updates, starting from {@code from} (a checkpoint, or the previous rung's final state
     * for fine-tuning) or, when null, from fresh networks seeded by the config.
     */
    public Result train(List<TrainingSamples> rungs, TrainingConfig config, Checkpoint from, TrainingListener listener) {
        if (rungs.isEmpty()) throw new IllegalArgumentException("no training samples");
        ModelPair models = ModelPair.initialise(config.architecture(), config.seed(), PRECISION);
        ParameterSet params = PitaLoss.parameters(models);
        TrainingState start = TrainingState.initial(params);
        if (from != null) {
            if (!from.architecture().equals(architecture(config))) {
                throw new IllegalArgumentException("the checkpoint is of another architecture: " + from.architecture());
            }
            if (from.seed() != config.seed()) throw new IllegalArgumentException("the checkpoint was made with seed " + from.seed() + ", not " + config.seed());
            if (!from.state().params().sameLayout(params)) throw new IllegalArgumentException("the checkpoint's parameters do not match the networks");
            start = from.state();
        }
        NamedGraph graph = TrainingStepGraph.build(params, PRECISION, config.adam(), new PitaLoss(models, config.loss()), true);
        PitaBatches batches = new PitaBatches(config.architecture(), config.batchSize(), config.loss().weights(), PRECISION.onnx(), config.seed());
        try (Trainer trainer = new Trainer(graph, params, session)) {
            trainer.load(start);
            Window window = new Window();
            LossHistory history = LossHistory.forSteps(config.steps());
            long begin = System.nanoTime(), first = trainer.step();
            while (trainer.step() < config.steps()) {
                long t = trainer.step() + 1;
                SplittableRandom rng = stepRandom(config.seed(), t);
                TrainingSamples rung = config.trainOnAllRungs() ? rungs.get(rng.nextInt(rungs.size())) : rungs.get(rungs.size() - 1);
                Trainer.StepResult r = trainer.step(config.learningRate(), batches.draw(rung, t, rng));
                window.add(r);
                history.add(t, r.loss(), r.terms());
                double rate = (t - first) / ((System.nanoTime() - begin) * 1e-9);
                listener.onStep(new TrainingListener.Step(t, config.steps(), r.loss(), r.terms(), r.gradNorm(), rate));
                boolean last = t == config.steps();
                if (checkpointDir != null && (last || (config.checkpointEvery() > 0 && t % config.checkpointEvery() == 0))) {
                    Path file = new Checkpoint(trainer.state(), config.seed(), architecture(config)).write(checkpointDir, PRECISION.onnx());
                    Checkpoint.prune(checkpointDir, CHECKPOINTS_KEPT);
                    listener.onCheckpoint(t, file);
                }
            }
            TrainingState end = trainer.state();
            double rate = (end.step() - first) / Math.max(1e-9, (System.nanoTime() - begin) * 1e-9);
            return new Result(end, withWeights(models, end.params()), window.meanTerms(), window.meanLoss(), rate, trainer.provider(),
                    history.finish());
        }
    }

    /** The description a checkpoint records to refuse resuming into another architecture. */
    public static String architecture(TrainingConfig config) { return config.architecture().toString(); }

    /** The generator of update t: a function of (seed, t) only. */
    static SplittableRandom stepRandom(long seed, long step) { return new SplittableRandom(mix(mix(seed) + step)); }

    /** MurmurHash3's 64-bit finaliser: neighbouring inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** The pair's architecture with the score and energy weights of a trained parameter set. */
    static ModelPair withWeights(ModelPair models, ParameterSet trained) {
        return new ModelPair(models.backbone(), trained.part(PitaLoss.SCORE + "/").copy(),
                trained.part(PitaLoss.ENERGY + "/").copy(), models.network());
    }

    /** Running means of the last {@value #SUMMARY_WINDOW} updates. */
    private static final class Window {
        private final double[] losses = new double[SUMMARY_WINDOW];
        private final Map<String, double[]> terms = new LinkedHashMap<>();
        private long n;

        void add(Trainer.StepResult r) {
            int slot = (int) (n % SUMMARY_WINDOW);
            losses[slot] = r.loss();
            r.terms().forEach((name, v) -> terms.computeIfAbsent(name, k -> new double[SUMMARY_WINDOW])[slot] = v);
            n++;
        }

        double meanLoss() { return mean(losses); }

        Map<String, Double> meanTerms() {
            Map<String, Double> out = new LinkedHashMap<>();
            terms.forEach((name, v) -> out.put(name, mean(v)));
            return out;
        }

        private double mean(double[] v) {
            int k = (int) Math.min(n, SUMMARY_WINDOW);
            if (k == 0) return Double.NaN;
            double s = 0;
            for (int i = 0; i < k; i++) s += v[i];
            return s / k;
        }
    }
}
