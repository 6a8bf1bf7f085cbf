package io.pitaj.worker.benchmarking;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.IntConsumer;

/** Progress lines and shared report fields of the graph benchmarks. */
final class BenchProgress {
    private BenchProgress() {}

    /** Prints "bench: i/total what" to {@code err} about ten times over a run of {@code total}. */
    static IntConsumer every(PrintWriter err, int total, String what) {
        int every = Math.max(1, total / 10);
        return i -> {
            if (i % every == 0 || i == total) {
                err.printf(Locale.ROOT, "bench: %d/%d %s%n", i, total, what);
                err.flush();
            }
        };
    }

    /** The network and runtime fields every graph benchmark reports. */
    static void writeNetwork(JsonGenerator g, MlpBenchOptions net) throws IOException {
        g.writeNumberField("dim", net.dim);
        g.writeNumberField("hidden", net.hidden);
        g.writeNumberField("layers", net.layers);
        g.writeNumberField("batch", net.batch);
        g.writeNumberField("threads", net.threadCount());
        g.writeStringField("dtype", net.dtypeName());
    }
}
