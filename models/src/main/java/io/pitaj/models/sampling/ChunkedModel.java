package io.pitaj.models.sampling;

import io.pitaj.models.graph.GraphExporter;
import io.pitaj.models.graph.NamedGraph;
import io.pitaj.models.nets.SmcStepGraph;
import io.pitaj.models.onnx.HostTensor;
import io.pitaj.models.runtime.ExecutionProvider;
import io.pitaj.models.runtime.InferenceSession;
import io.pitaj.models.runtime.OrtRuntime;
import io.pitaj.models.runtime.SessionRunner;
import io.pitaj.models.runtime.SessionSettings;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One model graph in one ONNX Runtime session, run over a population in chunks of at most {@code chunk} particles
 * (one call per chunk: the chunk bounds the memory of the batched divergence), every particle at the same time t.
 * Outputs come back as flat double arrays over the whole population. Hutchinson graphs get fresh Rademacher probes
 * from the caller's generator on every call.
 */
public final class ChunkedModel implements AutoCloseable {
    private final AnnealingModel model;
    private final InferenceSession session;
    private final SessionRunner runner;
    private final int chunk;
    private final int probes;
    private long particleEvaluations;

    /** {@code probes}: the Hutchinson probes the graph takes (its {@value SmcStepGraph#PROBE} input), 0 for none. */
    public ChunkedModel(AnnealingModel model, NamedGraph graph, String name, SessionSettings settings, int chunk, int probes) {
        if (chunk < 1) throw new IllegalArgumentException("chunk size must be at least 1, got " + chunk);
        this.model = model;
        this.chunk = chunk;
        this.session = OrtRuntime.shared().open(GraphExporter.export(graph, GraphExporter.Options.named(name)), settings);
        this.runner = session.newRunner();
        this.probes = probes;
    }

    public int chunk() { return chunk; }

    public ExecutionProvider provider() { return session.provider(); }

    /** Particles pushed through the graph so far, counting each call of each particle once. */
    public long particleEvaluations() { return particleEvaluations; }

    /** The graph's outputs at time t for the {@code n} particles in {@code x}; {@code probeRng} is used only by Hutchinson graphs. */
    public Map<String, double[]> evaluate(double[] x, int n, double t, SplittableRandom probeRng) {
        int d = model.dimension();
        int[] sample = model.sampleShape();
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int from = 0; from < n; from += chunk) {
            int c = Math.min(chunk, n - from);
            Map<String, HostTensor> feed = new HashMap<>();
            double[] xc = new double[c * d];
            System.arraycopy(x, from * d, xc, 0, c * d);
            long[] xShape = new long[sample.length + 1];
            xShape[0] = c;
            for (int i = 0; i < sample.length; i++) xShape[i + 1] = sample[i];
            feed.put(SmcStepGraph.X, HostTensor.ofDoubles(xc, xShape));
            feed.put(SmcStepGraph.T, HostTensor.ofDoubles(filled(c, t), c));
            if (session.inputNames().contains(SmcStepGraph.BETA)) {
                double beta = model.beta().orElseThrow(() -> new IllegalStateException("the graph takes β but the model has none"));
                feed.put(SmcStepGraph.BETA, HostTensor.ofDoubles(filled(c, beta), c));
            }
            if (probes > 0) {
                double[] probe = new double[probes * c * d];
                for (int i = 0; i < probe.length; i++) probe[i] = probeRng.nextBoolean() ? 1 : -1;
                long[] pShape = new long[xShape.length + 1];
                pShape[0] = probes;
                System.arraycopy(xShape, 0, pShape, 1, xShape.length);
                feed.put(SmcStepGraph.PROBE, HostTensor.ofDoubles(probe, pShape));
            }
            for (Map.Entry<String, HostTensor> e : runner.run(feed).entrySet()) {
                double[] v = e.getValue().doubles();
                int per = v.length / c;
                out.computeIfAbsent(e.getKey(), k -> new double[n * per]);
                System.arraycopy(v, 0, out.get(e.getKey()), from * per, v.length);
            }
            particleEvaluations += c;
        }
        return out;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Override
    public void close() {
        runner.close();
        session.close();
    }
}
