package io.pitaj.worker.running;

import io.pitaj.activities.pipeline.PipelineEnvironment;
import io.pitaj.activities.pipeline.RunRequest;
import io.pitaj.activities.pipeline.StageResult;
import io.pitaj.activities.pipeline.StageRunner;
import io.pitaj.activities.provenance.ArtifactRef;
import io.pitaj.activities.spec.Presets;
import io.pitaj.activities.spec.RunSpec;
import io.pitaj.activities.spec.RunSpecs;
import io.pitaj.activities.spec.SpecException;
import io.pitaj.activities.store.ArtifactStore;
import io.pitaj.activities.store.EmbeddedS3;
import io.pitaj.activities.store.S3ArtifactStore;
import io.pitaj.activities.store.UnfinishedWrites;
import io.pitaj.models.runtime.OrtRuntime;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.workflows.LadderState;
import io.pitaj.workflows.LadderWorkflow;
import io.pitaj.workflows.LiveProgress;
import io.pitaj.workflows.PipelineOptions;
import io.pitaj.workflows.PipelineWorkers;
import io.pitaj.workflows.RunOutcome;
import io.pitaj.workflows.RunProgressProbe;
import io.pitaj.workflows.embedded.EmbeddedTemporal;
import io.pitaj.worker.PitaCli;
import io.pitaj.worker.RuntimeOptions;
import io.pitaj.worker.UserInputException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pita run}: a whole PITA ladder as a Temporal workflow. Embedded (the default) it starts, in this process,
 * Temporal's test server and s3proxy (filesystem under the data directory), both on loopback only, and a worker for
 * every queue; it submits the run, shows its progress and prints where the report is. Killed and rerun with the same
 * run id, it finishes, reusing every stage the store holds.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a PITA ladder (hot data, train, anneal, relax, evaluate per rung, report) as a durable workflow.")
public final class RunCommand implements Callable<Integer> {
    public static final String BUCKET = "pita";

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private PitaCli pita;

    static final class Source {
        @Option(names = "--preset", paramLabel = "P", description = "A named spec: quick, dw4, lj13, lj13-cpu, aldp, aldp-cpu, al3.")
        String preset;

        @Option(names = "--spec", paramLabel = "F.yaml", description = "A spec file (start from 'pita run --preset P --print-spec').")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    @Option(names = "--print-spec", description = "Print the spec as YAML and exit.")
    private boolean printSpec;

    @Option(names = "--run-id", paramLabel = "ID", description = "Run id (default: the spec's name and a digest of the spec, so the same spec resumes the same run).")
    private String runId;

    @Option(names = "--data-dir", paramLabel = "D", defaultValue = "pita-data", description = "Embedded store and reports (default ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--heartbeat-timeout", paramLabel = "S", defaultValue = "" + PipelineOptions.DEFAULT_HEARTBEAT_SECONDS,
            description = "Seconds a long stage (sampling, training, annealing) may go without a heartbeat before its worker is presumed lost and "
                    + "the stage retried elsewhere, resuming from what it stored (default ${DEFAULT-VALUE}).")
    private int heartbeatSeconds;

    @Mixin
    private ClusterOptions cluster;

    @Mixin
    private RuntimeOptions runtime;

    @Override
    public Integer call() throws Exception {
        RunSpec runSpec = spec();
        if (heartbeatSeconds < 1) throw new UserInputException("--heartbeat-timeout must be at least 1 (seconds), got " + heartbeatSeconds);
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (printSpec) {
            out.print(RunSpecs.toYaml(runSpec));
            out.flush();
            return 0;
        }
        SystemInfo<?> info = pita.system(runSpec.system());
        String mixture = runSpec.system().toLowerCase(Locale.ROOT).endsWith(".json") ? Files.readString(Path.of(runSpec.system())) : null;
        checkAgainstSystem(runSpec, info);
        String id = runId != null ? checkedRunId(runId) : runSpec.name() + "-" + digest(RunSpecs.toYaml(runSpec));
        RunRequest request = new RunRequest(id, runSpec, mixture);
        if (cluster.cluster()) return runOnCluster(request, out, err);
        Files.createDirectories(dataDir);
        try (FileChannel lockFile = FileChannel.open(dataDir.resolve("pita.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(lockFile)) {
            if (lock == null) throw new UserInputException(dataDir + " is in use by another pita run; wait for it or choose another --data-dir");
            return runEmbedded(request, out, err);
        }
    }

    /** The data directory's lock, or null if another process (or another run in this one) holds it: never two writers. */
    private static FileLock tryLock(FileChannel c) throws java.io.IOException {
        try {
            return c.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null;
        }
    }

    /** Submits to a cluster's Temporal and S3, follows the run and downloads the report; the cluster's workers do the work. */
    private int runOnCluster(RunRequest request, PrintWriter out, PrintWriter err) throws Exception {
        cluster.requireBoth();
        try (ArtifactStore store = cluster.store(System.getenv())) {
            WorkflowServiceStubs service = cluster.service(System.getenv());
            try {
                checkSpecOfRunId(store, request);
                WorkflowClient client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().setNamespace(cluster.namespace).build());
                err.printf(Locale.ROOT, "run %s: submitted to %s (namespace %s); the cluster's workers run it%n", request.runId(), cluster.temporal,
                        cluster.namespace);
                err.flush();
                return finish(store, request, follow(client, request, err), out, err);
            } finally {
                service.shutdown();
            }
        }
    }

    /** The report downloaded and the run summed up, exit code 0; or, when the run was cancelled, one line and 1. */
    private int finish(ArtifactStore store, RunRequest request, Optional<RunOutcome> ended, PrintWriter out, PrintWriter err) {
        if (ended.isEmpty()) {
            err.printf(Locale.ROOT, "pita: run %s was cancelled; its completed stages stay in the store, and 'pita run' with --run-id %s resumes from them%n",
                    request.runId(), request.runId());
            err.flush();
            return 1;
        }
        RunOutcome outcome = ended.get();
        Path dir = download(store, request.runId(), outcome.report());
        out.printf(Locale.ROOT, "run %s finished: %d stages, %d reused from the store, %,d target energy evaluations; report %s (self-contained: %s)%n",
                request.runId(), outcome.stages(), outcome.reused(), outcome.energyEvaluations(), dir.resolve("report.md"), dir.resolve("report.html"));
        out.flush();
        return 0;
    }

    private int runEmbedded(RunRequest request, PrintWriter out, PrintWriter err) throws Exception {
        err.printf(Locale.ROOT, "run %s: %s, ladder %s; starting the embedded Temporal server and S3 store under %s%n", request.runId(),
                request.spec().system(), request.spec().ladder(), dataDir.toAbsolutePath());
        // the data directory's lock is held, so nothing else writes here: an unfinished upload is a killed run's
        int cleared = UnfinishedWrites.remove(dataDir.resolve("s3"));
        if (cleared > 0) err.printf(Locale.ROOT, "run %s: removed %d files of uploads a killed run left unfinished%n", request.runId(), cleared);
        err.flush();
        try (EmbeddedS3 s3 = EmbeddedS3.start(dataDir.resolve("s3"));
             ArtifactStore store = S3ArtifactStore.open(s3.settings(BUCKET));
             EmbeddedTemporal temporal = EmbeddedTemporal.start()) {
            checkSpecOfRunId(store, request);
            WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build());
            WorkflowClient client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().build());
            PipelineEnvironment env = environment(store, dataDir.resolve("work"), runtime, pita);
            WorkerFactory workers = PipelineWorkers.start(client, env, Set.of(PipelineOptions.CPU_QUEUE, PipelineOptions.GPU_QUEUE), 2);
            try {
                return finish(store, request, follow(client, request, err), out, err);
            } finally {
                workers.shutdownNow();
                workers.awaitTermination(10, TimeUnit.SECONDS);
                service.shutdownNow();
            }
        }
    }

    /** What this process's stages run with: the store, local scratch, this machine's ONNX Runtime settings, the catalogue. */
    static PipelineEnvironment environment(ArtifactStore store, Path workDir, RuntimeOptions runtime, PitaCli pita) {
        return new PipelineEnvironment(new StageRunner(store, workDir, OrtRuntime.shared().ortVersion(), runtime.provider().id(), runtime.threadCount()),
                runtime.session(), pita.catalog());
    }

    /** Submits the run and prints its progress until it ends: its outcome, or empty if it was cancelled. */
    private Optional<RunOutcome> follow(WorkflowClient client, RunRequest request, PrintWriter err) throws Exception {
        LadderWorkflow workflow = client.newWorkflowStub(LadderWorkflow.class, WorkflowOptions.newBuilder().setWorkflowId(request.runId())
                .setTaskQueue(PipelineOptions.CPU_QUEUE).build());
        WorkflowClient.start(workflow::run, LadderState.start(request, Duration.ofSeconds(heartbeatSeconds)));
        WorkflowStub untyped = WorkflowStub.fromTyped(workflow);
        CompletableFuture<RunOutcome> result = untyped.getResultAsync(RunOutcome.class);
        String lastStage = "";
        long lastPrint = 0;
        while (true) {
            try {
                return Optional.of(result.get(1, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof WorkflowFailedException f && f.getCause() instanceof CanceledFailure) return Optional.empty();
                throw e;
            } catch (TimeoutException e) {
                LiveProgress p;
                try {
                    p = RunProgressProbe.read(client, request.runId());
                } catch (RuntimeException queryFailed) {
                    continue; // between continue-as-new segments the query has no run to ask
                }
                String line = "run: " + ProgressText.line(p, "no stage is running");
                // a line when the stage changes, else every 10 s: enough to watch, little enough to read
                String stage = p.stage() + "/" + p.stagesDone();
                long now = System.nanoTime();
                if (!stage.equals(lastStage) || now - lastPrint > 10_000_000_000L) {
                    err.println(line);
                    err.flush();
                    lastStage = stage;
                    lastPrint = now;
                }
            }
        }
    }

    /** The report's files from the store into DATA/runs/ID/report. */
    private Path download(ArtifactStore store, String runId, StageResult report) {
        Path dir = dataDir.resolve("runs").resolve(runId).resolve("report");
        for (ArtifactRef o : report.outputs()) {
            String uri = o.uri();
            String relative = uri.substring(uri.indexOf("/report/") + "/report/".length());
            relative = relative.substring(relative.indexOf('/') + 1); // past the stage key
            Path f = dir.resolve(relative);
            try {
                Files.createDirectories(f.getParent());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot create " + f.getParent() + ": " + e.getMessage(), e);
            }
            store.get(o, f);
        }
        return dir;
    }

    /** A run id names one spec: the spec is stored with the run, and another spec under the same id is refused. */
    private static void checkSpecOfRunId(ArtifactStore store, RunRequest request) {
        String key = "runs/" + request.runId() + "/spec.yaml";
        byte[] yaml = RunSpecs.toYaml(request.spec()).getBytes(StandardCharsets.UTF_8);
        Optional<ArtifactRef> stored = store.stat(key);
        if (stored.isEmpty()) {
            store.putBytes(key, yaml);
        } else if (!java.util.Arrays.equals(store.getBytes(stored.get()), yaml)) {
            throw new UserInputException("run " + request.runId() + " was started with another spec; give a new --run-id (nothing stored was changed)");
        }
    }

    private RunSpec spec() {
        try {
            return source.preset != null ? Presets.get(source.preset) : RunSpecs.read(source.file);
        } catch (SpecException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    /** What the spec asks of the system, checked before anything starts. */
    private static void checkAgainstSystem(RunSpec s, SystemInfo<?> info) {
        if (s.hot().method().equalsIgnoreCase("exact") && (!info.hasExactSampler() || s.hotTemperature() != info.targetTemperature())) {
            throw new UserInputException("hot.method exact needs an exact sampler at T = " + s.hotTemperature() + ", which " + info.name() + " lacks");
        }
        if (s.reference().method().equalsIgnoreCase("exact") && (!info.hasExactSampler() || s.targetTemperature() != info.targetTemperature())) {
            throw new UserInputException("reference.method exact needs an exact sampler at T = " + s.targetTemperature() + ", which " + info.name()
                    + " lacks; use pt or md");
        }
    }

    private static String checkedRunId(String id) {
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new UserInputException("--run-id must be letters, digits, '.', '_' or '-' (at most 100, not starting with a symbol), got '" + id + "'");
        }
        return id;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
