package io.pitaj.worker;

import com.fasterxml.jackson.core.JsonGenerator;
import io.pitaj.models.graph.DType;
import io.pitaj.models.runtime.ExecutionProvider;
import io.pitaj.models.runtime.SessionSettings;
import io.pitaj.models.train.TrainStepBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pita bench train-step}: median milliseconds per training step (forward, backward, clipping, Adam) of a
 * network run as one ONNX Runtime graph. {@code bench/pytorch_train_step.py} times the same step in PyTorch.
 */
@Command(name = "train-step", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Milliseconds per training step of a network executed by ONNX Runtime.")
final class BenchTrainStepCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--arch", defaultValue = "mlp", paramLabel = "ARCH", description = "Network architecture (default ${DEFAULT-VALUE}; available: mlp).")
    private String arch;

    @Option(names = "--dim", defaultValue = "66", description = "Input dimension (default ${DEFAULT-VALUE}, ALDP).")
    private int dim;

    @Option(names = "--hidden", defaultValue = "256", description = "Hidden width (default ${DEFAULT-VALUE}).")
    private int hidden;

    @Option(names = "--layers", defaultValue = "4", description = "Hidden layers (default ${DEFAULT-VALUE}).")
    private int layers;

    @Option(names = "--batch", defaultValue = "512", description = "Samples per step (default ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--threads", description = "ONNX Runtime intra-op threads (default: all processors).")
    private Integer threads;

    @Option(names = "--steps", defaultValue = "200", description = "Timed steps (default ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--warmup", defaultValue = "20", description = "Untimed steps first (default ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--double-backprop", description = "Loss mean‖x − h∇ₓU(x)‖² of a scalar MLP energy U, differentiated w.r.t. the weights.")
    private boolean doubleBackprop;

    @Option(names = "--dtype", defaultValue = "f32", paramLabel = "f32|f64", description = "Network precision (default ${DEFAULT-VALUE}).")
    private String dtype;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|cuda", description = "Execution provider (default ${DEFAULT-VALUE}; cuda falls back to cpu with a warning).")
    private String device;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the weights and the batch (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        if (!arch.equals("mlp")) throw new UserInputException("unknown --arch '" + arch + "'; available: mlp");
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) throw new UserInputException("--threads must be at least 1, got " + threadCount);
        if (steps < 1 || warmup < 0) throw new UserInputException("--steps must be at least 1 and --warmup not negative");
        DType type = switch (dtype.toLowerCase(Locale.ROOT)) {
            case "f32" -> DType.F32;
            case "f64" -> DType.F64;
            default -> throw new UserInputException("--dtype must be f32 or f64, got '" + dtype + "'");
        };
        ExecutionProvider provider;
        try {
            provider = ExecutionProvider.parse(device);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--device: " + e.getMessage());
        }
        TrainStepBenchmark bench;
        try {
            bench = new TrainStepBenchmark(new TrainStepBenchmark.Config(dim, hidden, layers, batch, doubleBackprop, type, seed));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "bench: mlp %d→%d×%d, %d parameters, batch %d, %s%s: %d warm-up + %d timed steps%n",
                dim, hidden, layers, bench.parameterCount(), batch, dtype, doubleBackprop ? ", double backprop" : "", warmup, steps);
        err.flush();
        int every = Math.max(1, steps / 10);
        TrainStepBenchmark.Result r = bench.run(SessionSettings.of(provider, threadCount), warmup, steps, i -> {
            if (i % every == 0) {
                err.printf(Locale.ROOT, "bench: %d/%d steps%n", i, steps);
                err.flush();
            }
        });
        report(r, threadCount);
        return 0;
    }

    private void report(TrainStepBenchmark.Result r, int threadCount) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try (JsonGenerator g = JsonOutput.generator(out)) {
                g.writeStartObject();
                g.writeNumberField("ms_per_step", r.msPerStep());
                g.writeStringField("arch", arch);
                g.writeNumberField("dim", dim);
                g.writeNumberField("hidden", hidden);
                g.writeNumberField("layers", layers);
                g.writeNumberField("batch", batch);
                g.writeNumberField("threads", threadCount);
                g.writeBooleanField("double_backprop", doubleBackprop);
                g.writeStringField("dtype", dtype.toLowerCase(Locale.ROOT));
                g.writeStringField("provider", r.provider().id());
                g.writeNumberField("parameters", r.parameters());
                g.writeNumberField("onnx_nodes", r.onnxNodes());
                g.writeNumberField("steps", steps);
                g.writeNumberField("first_loss", r.firstLoss());
                g.writeNumberField("final_loss", r.finalLoss());
                g.writeEndObject();
                g.writeRaw('\n');
            }
        } else {
            out.printf(Locale.ROOT, "train-step: %.3f ms/step (median of %d; %s, %d threads, %d ONNX nodes; loss %.4g → %.4g)%n",
                    r.msPerStep(), steps, r.provider().id(), threadCount, r.onnxNodes(), r.firstLoss(), r.finalLoss());
            out.flush();
        }
    }
}
