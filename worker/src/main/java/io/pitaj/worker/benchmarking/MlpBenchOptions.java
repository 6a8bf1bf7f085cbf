package io.pitaj.worker.benchmarking;

import io.pitaj.worker.RuntimeOptions;
import io.pitaj.worker.UserInputException;
import io.pitaj.models.bench.MlpBenchmarkSetup;
import io.pitaj.models.graph.DType;
import io.pitaj.models.runtime.SessionSettings;
import java.util.Locale;
import picocli.CommandLine.Mixin;
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

    @Option(names = "--dtype", defaultValue = "f32", paramLabel = "f32|f64", description = "Network precision (default ${DEFAULT-VALUE}).")
    String dtype;

    @Mixin
    RuntimeOptions runtime;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the weights and the inputs (default ${DEFAULT-VALUE}).")
    long seed;

    int threadCount() { return runtime.threadCount(); }

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

    SessionSettings session() { return runtime.session(); }

    String describe() {
        return String.format(Locale.ROOT, "mlp %d→%d×%d, batch %d, %s", dim, hidden, layers, batch, dtypeName());
    }
}
