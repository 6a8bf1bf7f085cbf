package io.pitaj.models.bench;

import ai.onnx.proto.OnnxMl.ModelProto;
import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.GraphExporter;
import io.pitaj.models.nets.Backbone;
import io.pitaj.models.nets.BackboneConfig;
import io.pitaj.models.nets.DivergenceMode;
import io.pitaj.models.nets.ModelPair;
import io.pitaj.models.nets.NoiseSchedule;
import io.pitaj.models.nets.SmcStepGraph;
import io.pitaj.models.nn.ParameterSet;
import io.pitaj.models.onnx.HostTensor;
import io.pitaj.models.runtime.ExecutionProvider;
import io.pitaj.models.runtime.InferenceSession;
import io.pitaj.models.runtime.OrtRuntime;
import io.pitaj.models.runtime.SessionRunner;
import io.pitaj.models.runtime.SessionSettings;
import io.pitaj.models.targets.StandardNormal;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * What one Feynman–Kac SMC step of a model pair costs in ONNX Runtime: the SMC-step graph ({@link SmcStepGraph}) of two
 * independently initialised float32 networks, timed as a forward pass (score and energy only), with Hutchinson's
 * estimate and with the exact divergence, on a batch of mean-free standard-normal particles at times drawn from
 * U(0.05, 0.95) and β = 1 — the inputs of the PyTorch twin {@code bench/pytorch_smc_step.py}.
 *
 * @param perPass coordinates per backward pass of the exact divergence
 * @param probes  Rademacher probes of Hutchinson's estimate
 */
public record SmcStepBenchmark(BackboneConfig backbone, NoiseSchedule schedule, int batch, int perPass, int probes, long seed) {
    public SmcStepBenchmark {
        if (batch < 1 || perPass < 1 || probes < 1) {
            throw new IllegalArgumentException("batch, coordinates per pass and probes must be at least 1");
        }
    }

    /**
     * Median milliseconds per call for the whole batch. The session time is the exact graph's build, export and
     * session creation; the peak resident memory is the process's, read after the exact graph (the largest) ran last.
     */
    public record Result(int parametersPerNetwork, double sessionSeconds, double forwardMs, double hutchinsonMs, double exactMs,
                         int exactOnnxNodes, long exactModelBytes, long peakResidentBytes, ExecutionProvider provider) {}

    private record Timed(double ms, double sessionSeconds, int nodes, long bytes, ExecutionProvider provider) {}

    /** Times the three graphs, each {@code warmup} untimed and {@code reps} timed calls; {@code stage} hears each name first. */
    public Result run(SessionSettings settings, int warmup, int reps, Consumer<String> stage) {
        SplittableRandom rng = new SplittableRandom(seed);
        ModelPair models = randomPair(backbone, rng);
        Map<String, HostTensor> feed = inputs(rng);
        Timed forward = time("forward", models, new DivergenceMode.None(), feed, settings, warmup, reps, stage);
        Timed hutchinson = time("hutchinson", models, new DivergenceMode.Hutchinson(probes), feed, settings, warmup, reps, stage);
        Timed exact = time("exact", models, new DivergenceMode.Exact(perPass), feed, settings, warmup, reps, stage);
        return new Result(models.score().count(), exact.sessionSeconds, forward.ms, hutchinson.ms, exact.ms, exact.nodes, exact.bytes,
                PeakMemory.residentBytes(), exact.provider);
    }

    /** Two independently initialised float32 networks of {@code backbone}, no parameter left at zero (see {@link RandomWeights}). */
    static ModelPair randomPair(BackboneConfig backbone, SplittableRandom rng) {
        ParameterSet score = new ParameterSet(), energy = new ParameterSet();
        Backbone architecture = backbone.build(score, rng.split());
        backbone.build(energy, rng.split());
        RandomWeights.replaceZeros(score, rng.split());
        RandomWeights.replaceZeros(energy, rng.split());
        return new ModelPair(architecture, score, energy, DType.F32);
    }

    private Map<String, HostTensor> inputs(SplittableRandom rng) {
        int[] sample = backbone.sampleShape();
        int d = backbone.sampleSize();
        double[] x = new double[batch * d];
        for (int i = 0; i < x.length; i++) x[i] = StandardNormal.draw(rng);
        if (sample.length == 2) removeMeans(x, sample[0], sample[1]);
        double[] t = new double[batch], beta = new double[batch], probe = new double[probes * batch * d];
        for (int n = 0; n < batch; n++) {
            t[n] = rng.nextDouble(0.05, 0.95);
            beta[n] = 1;
        }
        for (int i = 0; i < probe.length; i++) probe[i] = rng.nextBoolean() ? 1 : -1;
        long[] xShape = new long[sample.length + 1], probeShape = new long[sample.length + 2];
        xShape[0] = batch;
        probeShape[0] = probes;
        probeShape[1] = batch;
        for (int i = 0; i < sample.length; i++) xShape[i + 1] = probeShape[i + 2] = sample[i];
        Map<String, HostTensor> feed = new HashMap<>();
        feed.put(SmcStepGraph.X, HostTensor.ofDoubles(x, xShape));
        feed.put(SmcStepGraph.T, HostTensor.ofDoubles(t, batch));
        if (backbone.betaConditioned()) feed.put(SmcStepGraph.BETA, HostTensor.ofDoubles(beta, batch));
        feed.put(SmcStepGraph.PROBE, HostTensor.ofDoubles(probe, probeShape));
        return feed;
    }

    /** Each sample's particles centred (per spatial coordinate), as every particle sample of PITA is. */
    private static void removeMeans(double[] x, int particles, int spatial) {
        for (int base = 0; base < x.length; base += particles * spatial) {
            for (int k = 0; k < spatial; k++) {
                double mean = 0;
                for (int i = 0; i < particles; i++) mean += x[base + i * spatial + k] / particles;
                for (int i = 0; i < particles; i++) x[base + i * spatial + k] -= mean;
            }
        }
    }

    private Timed time(String name, ModelPair models, DivergenceMode mode, Map<String, HostTensor> inputs, SessionSettings settings,
                       int warmup, int reps, Consumer<String> stage) {
        stage.accept(name);
        long start = System.nanoTime();
        ModelProto model = GraphExporter.export(SmcStepGraph.build(models, schedule, mode), GraphExporter.Options.named("smc_step_" + name));
        try (InferenceSession session = OrtRuntime.shared().open(model, settings); SessionRunner runner = session.newRunner()) {
            double sessionSeconds = (System.nanoTime() - start) * 1e-9;
            Map<String, HostTensor> feed = new HashMap<>();
            for (String input : session.inputNames()) feed.put(input, inputs.get(input));
            double ms = Timing.medianMillis(warmup, reps, i -> runner.run(feed), i -> { });
            return new Timed(ms, sessionSeconds, model.getGraph().getNodeCount(), model.getSerializedSize(), session.provider());
        }
    }
}
