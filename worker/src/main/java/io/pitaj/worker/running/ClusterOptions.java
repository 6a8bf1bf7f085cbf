package io.pitaj.worker.running;

import io.pitaj.activities.store.ArtifactStore;
import io.pitaj.activities.store.PemTrust;
import io.pitaj.activities.store.S3ArtifactStore;
import io.pitaj.activities.store.S3Settings;
import io.pitaj.worker.UserInputException;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where a cluster's services are: a Temporal frontend and an S3 endpoint. Secrets never come from options — S3
 * credentials from {@code PITA_S3_*} variables or files, Temporal's client certificate and CA from files named by
 * {@value #TEMPORAL_CERT}, {@value #TEMPORAL_KEY} and {@value #TEMPORAL_CA} — so they appear in no argument list,
 * log or provenance record.
 */
public final class ClusterOptions {
    public static final String TEMPORAL_CERT = "PITA_TEMPORAL_TLS_CERT_FILE", TEMPORAL_KEY = "PITA_TEMPORAL_TLS_KEY_FILE",
            TEMPORAL_CA = "PITA_TEMPORAL_TLS_CA_FILE";

    /** How long a first connection to Temporal may take. */
    static final java.time.Duration CONNECT_TIMEOUT = java.time.Duration.ofSeconds(10);

    @Option(names = "--temporal", paramLabel = "HOST:PORT", description = "Temporal frontend of a cluster (default: the embedded server).")
    String temporal;

    @Option(names = "--namespace", defaultValue = "default", description = "Temporal namespace (default ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--temporal-tls", description = "TLS to Temporal (client certificate, key and CA from " + TEMPORAL_CERT + ", " + TEMPORAL_KEY
            + ", " + TEMPORAL_CA + ").")
    boolean temporalTls;

    @Option(names = "--s3", paramLabel = "URL", description = "S3 endpoint, http:// or https:// (credentials from PITA_S3_ACCESS_KEY/_SECRET_KEY or their _FILE variants).")
    URI s3;

    @Option(names = "--bucket", defaultValue = "pita", description = "S3 bucket (default ${DEFAULT-VALUE}).")
    String bucket;

    public String namespace() { return namespace; }

    public String temporal() { return temporal; }

    /** The S3 endpoint given, or null. */
    public URI s3() { return s3; }

    public boolean cluster() { return temporal != null || s3 != null; }

    /** Both services must be named together: a cluster worker or submitter with one embedded half would split a run. */
    public void requireBoth() {
        if (temporal == null || s3 == null) throw new UserInputException("--temporal and --s3 go together (got only " + (temporal != null ? "--temporal" : "--s3") + ")");
        if (!temporal.matches("[^:\\s]+:\\d{1,5}")) throw new UserInputException("--temporal must be HOST:PORT, got '" + temporal + "'");
        if (!"http".equals(s3.getScheme()) && !"https".equals(s3.getScheme())) throw new UserInputException("--s3 must be an http:// or https:// URL, got " + s3);
    }

    public ArtifactStore store(Map<String, String> env) {
        try {
            return S3ArtifactStore.open(S3Settings.fromEnvironment(s3, bucket, env));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    public WorkflowServiceStubs service(Map<String, String> env) {
        WorkflowServiceStubsOptions.Builder b = WorkflowServiceStubsOptions.newBuilder().setTarget(temporal);
        if (temporalTls) {
            try {
                String cert = env.get(TEMPORAL_CERT), key = env.get(TEMPORAL_KEY), ca = env.get(TEMPORAL_CA);
                if ((cert == null) != (key == null)) throw new UserInputException(TEMPORAL_CERT + " and " + TEMPORAL_KEY + " go together");
                SimpleSslContextBuilder ssl;
                if (cert != null) {
                    try (InputStream c = Files.newInputStream(Path.of(cert)); InputStream k = Files.newInputStream(Path.of(key))) {
                        ssl = SimpleSslContextBuilder.forPKCS8(c, k);
                    }
                } else {
                    ssl = SimpleSslContextBuilder.noKeyOrCertChain();
                }
                if (ca != null) ssl.setTrustManager(PemTrust.of(Path.of(ca)).trustManager());
                b.setSslContext(ssl.build());
            } catch (IOException | IllegalArgumentException e) {
                throw new UserInputException("Temporal TLS: " + e.getMessage(), e);
            }
        }
        try {
            // a connection check with a deadline, so an unreachable frontend is one error, not an endless retry
            return WorkflowServiceStubs.newConnectedServiceStubs(b.build(), CONNECT_TIMEOUT);
        } catch (RuntimeException e) {
            throw new UserInputException("cannot reach Temporal at " + temporal + " within " + CONNECT_TIMEOUT.toSeconds() + " s: " + e.getMessage(), e);
        }
    }
}
