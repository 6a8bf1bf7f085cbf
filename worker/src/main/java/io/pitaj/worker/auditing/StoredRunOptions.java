package io.pitaj.worker.auditing;

import io.pitaj.worker.running.ClusterOptions;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which stored run an inspecting command reads: its id, and the embedded data directory or a cluster's services. */
final class StoredRunOptions {
    @Parameters(index = "0", paramLabel = "RUN", description = "The run id.")
    String runId;

    @Option(names = "--data-dir", defaultValue = "pita-data", paramLabel = "D", description = "Embedded store (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Mixin
    ClusterOptions cluster;

    RunStore open() { return RunStore.open(cluster, dataDir, runId); }
}
