package io.pitaj.worker.running;

import io.pitaj.activities.pipeline.PipelineEnvironment;
import io.pitaj.activities.store.ArtifactStore;
import io.pitaj.workflows.PipelineOptions;
import io.pitaj.workflows.PipelineWorkers;
import io.pitaj.worker.PitaCli;
import io.pitaj.worker.RuntimeOptions;
import io.pitaj.worker.UserInputException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.WorkerFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pita worker}: one machine of a cluster, polling one task queue of a real Temporal server and reading and
 * writing the run's artifacts in a real S3 store. {@code cpu} runs the workflows, sampling, evaluation and reports;
 * {@code gpu} runs training and annealing ({@code --device cuda} there). Stops cleanly on SIGTERM: running stages
 * are abandoned to their retries, which reuse what they stored.
 */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve one task queue (cpu or gpu) of a cluster: a real Temporal server and S3 store.")
public final class WorkerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private PitaCli pita;

    @Mixin
    private ClusterOptions cluster;

    @Option(names = "--queue", required = true, paramLabel = "cpu|gpu", description = "The task queue to serve.")
    private String queue;

    @Option(names = "--work-dir", defaultValue = "pita-work", paramLabel = "D", description = "Local scratch for running stages (default ${DEFAULT-VALUE}).")
    private Path workDir;

    @Option(names = "--concurrency", defaultValue = "2", description = "Stages run at once by this worker (default ${DEFAULT-VALUE}).")
    private int concurrency;

    @Mixin
    private RuntimeOptions runtime;

    @Override
    public Integer call() throws InterruptedException {
        cluster.requireBoth();
        String q = switch (queue.toLowerCase(Locale.ROOT)) {
            case "cpu" -> PipelineOptions.CPU_QUEUE;
            case "gpu" -> PipelineOptions.GPU_QUEUE;
            default -> throw new UserInputException("--queue must be cpu or gpu, got '" + queue + "'");
        };
        if (concurrency < 1) throw new UserInputException("--concurrency must be at least 1, got " + concurrency);
        PrintWriter err = spec.commandLine().getErr();
        try (ArtifactStore store = cluster.store(System.getenv())) {
            WorkflowServiceStubs service = cluster.service(System.getenv());
            WorkflowClient client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().setNamespace(cluster.namespace).build());
            PipelineEnvironment env = RunCommand.environment(store, workDir, runtime, pita);
            WorkerFactory factory = PipelineWorkers.start(client, env, Set.of(q), concurrency);
            err.printf(Locale.ROOT, "worker: serving %s on %s (namespace %s), store %s, %d stages at once; stop with Ctrl-C or SIGTERM%n", q,
                    cluster.temporal, cluster.namespace, store.uri(""), concurrency);
            err.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                factory.shutdown();
                factory.awaitTermination(30, TimeUnit.SECONDS);
                service.shutdown();
                stopped.countDown();
            }));
            stopped.await();
        }
        return 0;
    }
}
