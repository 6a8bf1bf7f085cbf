package io.pitaj.worker.auditing;

import io.pitaj.activities.provenance.ProvenanceRecord;
import io.pitaj.activities.store.ArtifactStore;
import io.pitaj.activities.store.EmbeddedS3;
import io.pitaj.worker.UserInputException;
import io.pitaj.worker.running.ClusterOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The stored side of a run, for the commands that inspect one after the fact: the cluster's S3 store, or the
 * embedded store under a data directory (opened read-only in effect: these commands never write), and the run's
 * provenance records in the order their stages started.
 */
final class RunStore implements AutoCloseable {
    private final EmbeddedS3 embedded;
    final ArtifactStore store;
    final String runId;

    private RunStore(EmbeddedS3 embedded, ArtifactStore store, String runId) {
        this.embedded = embedded;
        this.store = store;
        this.runId = runId;
    }

    static RunStore open(ClusterOptions cluster, Path dataDir, String runId) {
        if (cluster.cluster()) {
            if (cluster.s3() == null) throw new UserInputException("--s3 is needed to read a cluster's runs");
            return new RunStore(null, cluster.store(System.getenv()), runId);
        }
        if (!Files.isDirectory(dataDir.resolve("s3"))) throw new UserInputException(dataDir + " holds no embedded store (no " + dataDir.resolve("s3") + ")");
        EmbeddedS3 s3 = EmbeddedS3.start(dataDir.resolve("s3"));
        return new RunStore(s3, io.pitaj.activities.store.S3ArtifactStore.open(s3.settings(io.pitaj.worker.running.RunCommand.BUCKET)), runId);
    }

    /** Every stage record of the run, in start order; a user error if the run has none. */
    List<Stored> records() {
        List<Stored> out = completeStages();
        if (out.isEmpty()) throw new UserInputException("no stage of run '" + runId + "' is in " + store.uri("runs/"));
        return out;
    }

    /** The record of every stage of the run that completed (its record is written last), in start order; maybe none. */
    List<Stored> completeStages() {
        List<Stored> out = new ArrayList<>();
        for (String key : store.list("runs/" + runId + "/")) {
            if (!key.endsWith("/provenance.json")) continue;
            var ref = store.stat(key).orElseThrow();
            out.add(new Stored(key, ref, ProvenanceRecord.fromJson(new String(store.getBytes(ref), StandardCharsets.UTF_8))));
        }
        out.sort(Comparator.comparing(s -> s.record().started()));
        return out;
    }

    /** A record with its key and its own reference. */
    record Stored(String key, io.pitaj.activities.provenance.ArtifactRef ref, ProvenanceRecord record) {}

    @Override
    public void close() {
        store.close();
        if (embedded != null) embedded.close();
    }
}
