package io.pitaj.models.bench;

import io.pitaj.models.nets.BackboneConfig;
import io.pitaj.models.nets.NoiseSchedule;
import io.pitaj.models.runtime.ExecutionProvider;
import io.pitaj.models.runtime.SessionSettings;
import io.pitaj.models.systems.ConfigurationBatch;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.models.train.LossWeights;
import io.pitaj.models.train.PitaTrainer;
import io.pitaj.models.train.ReferenceTraining;
import io.pitaj.models.train.TrainingConfig;
import io.pitaj.models.train.TrainingListener;
import io.pitaj.models.train.TrainingSamples;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Times one full PITA optimiser step — both networks, every loss term of the system's configuration, the second-order
 * distillation gradient, clipping, Adam, the EMA and (DiT) dropout — through exactly the path of {@code pita train}:
 * {@link PitaTrainer} drawing batches in Java and running the carried step graph in ONNX Runtime. The buffer holds
 * typical configurations of the system at its hottest temperature. {@code bench/pytorch_pita_step.py} is the same
 * step in PyTorch.
 */
public final class PitaStepBenchmark {
    /** Configurations in the benchmark's buffer (drawn from with replacement). */
    static final int BUFFER = 1024;

    /**
     * @param msPerStep       median wall time of one step after warm-up, milliseconds (batch drawing included)
     * @param parameters      trained parameters, both networks
     * @param provider        where the step ran
     * @param firstLoss       loss of the first update
     * @param lastLoss        loss of the last update
     * @param peakResidentBytes the process's peak resident memory after the run (−1 where unknown)
     */
    public record Result(double msPerStep, int parameters, ExecutionProvider provider, double firstLoss, double lastLoss,
                         long peakResidentBytes) {}

    private final SystemInfo<?> system;
    private final BackboneConfig architecture;
    private final NoiseSchedule schedule;
    private final int batch;
    private final LossWeights weights;

    /** The step with the system's released loss weights. */
    public PitaStepBenchmark(SystemInfo<?> system, BackboneConfig architecture, NoiseSchedule schedule, int batch) {
        this(system, architecture, schedule, batch, ReferenceTraining.weights(system));
    }

    /** The step with other loss weights: a term of weight 0 is not built, which times the others alone. */
    public PitaStepBenchmark(SystemInfo<?> system, BackboneConfig architecture, NoiseSchedule schedule, int batch, LossWeights weights) {
        if (architecture.sampleSize() != system.dimension()) {
            throw new IllegalArgumentException("network for dimension " + architecture.sampleSize() + " on " + system.name());
        }
        this.system = system;
        this.architecture = architecture;
        this.schedule = schedule;
        this.batch = batch;
        this.weights = weights;
    }

    /** Runs {@code warmup} untimed and {@code steps} timed updates; {@code progress} hears each update's index. */
    public Result run(SessionSettings settings, int warmup, int steps, LongConsumer progress) {
        if (steps < 1 || warmup < 0) throw new IllegalArgumentException("need at least one timed step and no negative warm-up");
        TrainingSamples samples;
        double t0 = system.ladder().get(0);
        ConfigurationBatch work = system.sampleBatch(TargetOptions.DEFAULTS, BUFFER, 0);
        try (var target = work.target()) {
            samples = TrainingSamples.evaluate(target, t0, 1.0, work.x(), work.size());
        }
        TrainingConfig config = TrainingConfig.reference(architecture, schedule, weights, batch, warmup + steps, 0, false, 0);
        long[] stamps = new long[warmup + steps + 1];
        double[] losses = new double[warmup + steps];
        stamps[0] = System.nanoTime();
        PitaTrainer.Result r = new PitaTrainer(settings, null).train(List.of(samples), config, null, new TrainingListener() {
            @Override public void onStep(Step s) {
                int i = (int) s.step();
                stamps[i] = System.nanoTime();
                losses[i - 1] = s.loss();
                progress.accept(i);
            }
        });
        double[] ms = new double[steps];
        for (int i = 0; i < steps; i++) ms[i] = (stamps[warmup + i + 1] - stamps[warmup + i]) * 1e-6;
        Arrays.sort(ms);
        double median = steps % 2 == 1 ? ms[steps / 2] : 0.5 * (ms[steps / 2 - 1] + ms[steps / 2]);
        return new Result(median, r.models().score().count() * 2, r.provider(), losses[0], losses[losses.length - 1],
                PeakMemory.residentBytes());
    }
}
