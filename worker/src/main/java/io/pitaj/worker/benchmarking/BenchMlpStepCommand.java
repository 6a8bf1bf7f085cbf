package io.pitaj.worker.benchmarking;

import io.pitaj.worker.JsonOutput;
import io.pitaj.worker.UserInputException;
import com.fasterxml.jackson.core.JsonGenerator;
import io.pitaj.models.bench.MlpBenchmarkSetup;
import io.pitaj.models.bench.TrainStepBenchmark;
import io.pitaj.models.runtime.SessionSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pita bench mlp-step}: median milliseconds per training step (forward, backward, clipping, Adam) of a
 * network run as one ONNX Runtime graph. {@code bench/pytorch_train_step.py} times the same step in PyTorch.
 */
@Command(name = "mlp-step", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Milliseconds per training step of a network executed by ONNX Runtime.")
final class BenchMlpStepCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--arch", defaultValue = "mlp", paramLabel = "ARCH", description = "Network architecture (default ${DEFAULT-VALUE}; available: mlp).")
    private String arch;

    @Mixin
    private MlpBenchOptions net;

    @Option(names = "--steps", defaultValue = "200", description = "Timed steps (default ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--warmup", defaultValue = "20", description = "Untimed steps first (default ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--double-backprop", description = "Loss mean‖x − h∇ₓU(x)‖² of a scalar MLP energy U, differentiated w.r.t. the weights.")
    private boolean doubleBackprop;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        if (!arch.equals("mlp")) throw new UserInputException("unknown --arch '" + arch + "'; available: mlp");
        if (steps < 1 || warmup < 0) throw new UserInputException("--steps must be at least 1 and --warmup not negative");
        MlpBenchmarkSetup setup = net.setup();
        SessionSettings settings = net.session();
        TrainStepBenchmark bench = new TrainStepBenchmark(setup, doubleBackprop);
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "bench: %s, %d parameters%s: %d warm-up + %d timed steps%n",
                net.describe(), bench.parameterCount(), doubleBackprop ? ", double backprop" : "", warmup, steps);
        err.flush();
        TrainStepBenchmark.Result r = bench.run(settings, warmup, steps, BenchProgress.every(err, steps, "steps"));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try (JsonGenerator g = JsonOutput.generator(out)) {
                g.writeStartObject();
                g.writeNumberField("ms_per_step", r.msPerStep());
                g.writeStringField("arch", arch);
                BenchProgress.writeNetwork(g, net);
                g.writeBooleanField("double_backprop", doubleBackprop);
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
                    r.msPerStep(), steps, r.provider().id(), net.threadCount(), r.onnxNodes(), r.firstLoss(), r.finalLoss());
            out.flush();
        }
        return 0;
    }
}
