package io.pitaj.worker.benchmarking;

import io.pitaj.worker.UserInputException;
import io.pitaj.models.bench.MlpBenchmarkSetup;
import io.pitaj.models.graph.DType;
import io.pitaj.models.runtime.ExecutionProvider;
import io.pitaj.models.runtime.SessionSettings;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The network and runtime options of the graph benchmarks (an MLP run by ONNX Runtime). */
final class MlpBenchOptions {
    @Option(names = "--dim", defaultValue = "66", description = "Input dimension (default ${DEFAULT-VALUE}, ALDP).")
    int dim;

    @Option(names = "--hidden", defaultValue = "256", description = "Hidden width (default ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--layers", defaultValue = "4", description = "Hidden SiLU layers (default ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--batch", defaultValue = "512", description = "Samples per call (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", description = "ONNX Runtime intra-op threads (default: all processors).")
    Integer threads;

    @Option(names = "--dtype", defaultValue = "f32", paramLabel = "f32|f64", description = "Network precision (default ${DEFAULT-VALUE}).")
    String dtype;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|cuda",
            description = "Execution provider (default ${DEFAULT-VALUE}; cuda falls back to cpu with a warning).")
    String device;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the weights and the inputs (default ${DEFAULT-VALUE}).")
    long seed;

    int threadCount() {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) throw new UserInputException("--threads must be at least 1, got " + t);
        return t;
    }

    String dtypeName() { return dtype.toLowerCase(Locale.ROOT); }

    MlpBenchmarkSetup setup() {
        DType type = switch (dtypeName()) {
            case "f32" -> DType.F32;
            case "f64" -> DType.F64;
            default -> throw new UserInputException("--dtype must be f32 or f64, got '" + dtype + "'");
        };
        try {
            return new MlpBenchmarkSetup(dim, hidden, layers, batch, type, seed);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    SessionSettings session() {
        try {
            return SessionSettings.of(ExecutionProvider.parse(device), threadCount());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--device: " + e.getMessage());
        }
    }

    String describe() {
        return String.format(Locale.ROOT, "mlp %d→%d×%d, batch %d, %s", dim, hidden, layers, batch, dtypeName());
    }
}
