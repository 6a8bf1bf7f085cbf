package io.pitaj.activities.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pitaj.activities.provenance.ArtifactRef;
import io.pitaj.activities.provenance.CodeVersion;
import io.pitaj.activities.provenance.ProvenanceRecord;
import io.pitaj.activities.provenance.RuntimeInfo;
import io.pitaj.activities.store.ArtifactStore;
import io.pitaj.models.artifact.ModelArtifact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs one stage the way every activity must: content-addressed and idempotent. The stage's identity is the hash of
 * (stage id, kind, its part of the spec, its seed, its inputs' digests); its outputs go under
 * {@code runs/RUN/STAGE/KEY/} and its provenance record is written there <em>last</em>, so a record's presence means
 * the stage is complete. A stage whose record exists and whose outputs still have their digests is not run again
 * (the stage cache): a retried activity, a rerun after a crash or a rerun of the same run id reuses it.
 *
 * <p>A cancelled stage learns of it from a heartbeat, which throws Temporal's {@code ActivityCanceledException} out of
 * the stage's body, before any output is stored: the store never holds part of a stage, only the checkpoints that
 * training uploads whole as it goes (a retry resumes from them; a rerun on the same machine from its local copies).
 */
public final class StageRunner {
    public static final String PROVENANCE = "provenance.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final ArtifactStore store;
    private final Path workRoot;
    private final String executionProvider;
    private final String ortVersion;
    private final int threads;

    /**
     * @param workRoot          local scratch space for inputs and outputs of running stages
     * @param executionProvider where networks run (recorded), null for CPU-only stages' workers
     */
    public StageRunner(ArtifactStore store, Path workRoot, String ortVersion, String executionProvider, int threads) {
        this.store = store;
        this.workRoot = workRoot;
        this.ortVersion = ortVersion;
        this.executionProvider = executionProvider;
        this.threads = threads;
    }

    public ArtifactStore store() { return store; }

    /** A running stage's view: its inputs as local files, a directory for its outputs, its context. */
    public interface Workspace {
        /** Downloads (and verifies) an input into the stage's input directory. */
        Path input(ArtifactRef ref, String name);

        /** The directory whose files become the stage's outputs. */
        Path outputs();

        /** A scratch directory that survives a retried attempt on this machine (checkpoints). */
        Path scratch();

        StageContext context();

        /** The store key under which this stage's objects go. */
        String keyPrefix();
    }

    /** What a stage's body reports besides its output files. */
    public record Outcome(long energyEvaluations, long modelEvaluations, Map<String, Double> metrics) {}

    @FunctionalInterface
    public interface Body {
        Outcome run(Workspace w) throws IOException;
    }

    /**
     * Raised when what stages compute from the same spec and inputs changes, so that a rerun of an older run id
     * computes afresh instead of mixing stored outputs of the old rules with new ones. 2: Gaussian mixtures are
     * modelled standardised and their training energies measured from the model origin's, so an older model of a
     * mixture would be read in the wrong coordinates.
     */
    static final int STAGE_RULES = 2;

    /** The key of a stage: a digest of what determines its outputs. */
    static String stageKey(String runId, String stage, String kind, Object stageSpec, long seed, List<ArtifactRef> inputs) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("rules", STAGE_RULES);
        identity.put("run", runId);
        identity.put("stage", stage);
        identity.put("kind", kind);
        identity.put("spec", stageSpec);
        identity.put("seed", seed);
        identity.put("inputs", inputs.stream().map(ArtifactRef::sha256).toList());
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(identity));
            return HexFormat.of().formatHex(d).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs (or reuses) a stage. {@code stageSpec} is the part of the spec it depends on (serialised into its key). */
    public StageResult run(StageContext context, RunRequest run, String stage, Integer rung, String kind, Object stageSpec, long seed,
                           List<ArtifactRef> inputs, Body body) {
        String prefix = "runs/" + run.runId() + "/" + stage + "/" + stageKey(run.runId(), stage, kind, stageSpec, seed, inputs) + "/";
        Optional<StageResult> cached = cached(stage, prefix);
        if (cached.isPresent()) return cached.get();
        Path dir = workRoot.resolve(prefix);
        Path in = dir.resolve("in"), out = dir.resolve("out"), scratch = dir.resolve("scratch");
        Instant started = Instant.now();
        Outcome outcome;
        try {
            ModelArtifact.deleteDirectory(in);
            ModelArtifact.deleteDirectory(out);
            Files.createDirectories(in);
            Files.createDirectories(out);
            Files.createDirectories(scratch);
            outcome = body.run(new Workspace() {
                @Override
                public Path input(ArtifactRef ref, String name) {
                    Path f = in.resolve(name);
                    store.get(ref, f);
                    return f;
                }

                @Override
                public Path outputs() { return out; }

                @Override
                public Path scratch() { return scratch; }

                @Override
                public StageContext context() { return context; }

                @Override
                public String keyPrefix() { return prefix; }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("stage " + stage + ": " + e.getMessage(), e);
        }
        List<ArtifactRef> outputs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                outputs.add(store.put(prefix + out.relativize(f).toString().replace('\\', '/'), f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("stage " + stage + ": cannot list its outputs: " + e.getMessage(), e);
        }
        Instant ended = Instant.now();
        Map<String, String> parameters = new LinkedHashMap<>();
        try {
            parameters.put("spec", JSON.writeValueAsString(stageSpec));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Double> metrics = new LinkedHashMap<>(outcome.metrics());
        metrics.put("model_evaluations", (double) outcome.modelEvaluations());
        RuntimeInfo runtime = executionProvider == null ? RuntimeInfo.hostOnly(threads) : RuntimeInfo.withOrt(ortVersion, executionProvider, threads);
        ProvenanceRecord record = new ProvenanceRecord(stage, rung, kind, inputs, outputs, parameters, seed, CodeVersion.current(), runtime,
                started.toString(), ended.toString(), context.attempt(), outcome.energyEvaluations(), metrics);
        ArtifactRef provenance = store.putBytes(prefix + PROVENANCE, record.toJson().getBytes(StandardCharsets.UTF_8));
        ModelArtifact.deleteDirectory(in);
        return new StageResult(stage, outputs, provenance, outcome.energyEvaluations(), outcome.modelEvaluations(),
                Duration.between(started, ended).toMillis() / 1000.0, metrics, false);
    }

    /** The stage's earlier result if its record exists and every output still has the recorded digest. */
    private Optional<StageResult> cached(String stage, String prefix) {
        Optional<ArtifactRef> recordRef = store.stat(prefix + PROVENANCE);
        if (recordRef.isEmpty()) return Optional.empty();
        ProvenanceRecord r = ProvenanceRecord.fromJson(new String(store.getBytes(recordRef.get()), StandardCharsets.UTF_8));
        for (ArtifactRef o : r.outputs()) {
            Optional<ArtifactRef> now = store.stat(keyOf(o));
            if (now.isEmpty() || !now.get().sha256().equals(o.sha256())) return Optional.empty();
        }
        double seconds = Duration.between(Instant.parse(r.started()), Instant.parse(r.ended())).toMillis() / 1000.0;
        long model = r.metrics().getOrDefault("model_evaluations", 0.0).longValue();
        return Optional.of(new StageResult(stage, r.outputs(), recordRef.get(), r.energyEvaluations(), model, seconds, r.metrics(), true));
    }

    /** The store key of a reference this store made (its URI after the bucket). */
    public String keyOf(ArtifactRef ref) {
        String probe = store.uri("k");
        String base = probe.substring(0, probe.length() - 1);
        if (!ref.uri().startsWith(base)) throw new IllegalArgumentException(ref.uri() + " is not in this store (" + base + ")");
        return ref.uri().substring(base.length());
    }
}
