package io.pitaj.activities.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store that is down or overloaded fails after a few bounded retries; one that refuses the request at once. */
class ArtifactStoreFailuresTest {
    @TempDir
    Path dir;

    @Test
    void unreachableEndpointFailsAfterBoundedRetries() throws IOException {
        URI endpoint = URI.create("http://127.0.0.1:" + closedPort());
        S3Settings settings = new S3Settings(endpoint, "pita-test", null, "access", "secret", null);
        long start = System.nanoTime();
        var e = assertThrows(ArtifactStoreException.class, () -> S3ArtifactStore.open(settings));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("S3 endpoint " + endpoint + " unreachable after 4 attempts (create bucket pita-test): Connection"
                + " refused", e.getMessage());
        assertTrue(seconds >= 1.7 && seconds < 5, "took " + seconds + " s");
    }

    @Test
    void endpointGoingAwayIsReportedWithTheObject() {
        EmbeddedS3 server = EmbeddedS3.start(dir);
        try (ArtifactStore store = S3ArtifactStore.open(server.settings("pita-test"))) {
            server.close();
            var e = assertThrows(ArtifactStoreException.class, () -> store.stat("runs/r/x.arrow"));
            assertTrue(e.getMessage().startsWith("S3 endpoint " + server.endpoint() + " unreachable after 4 attempts"
                    + " (stat s3://pita-test/runs/r/x.arrow): "), e.getMessage());
        }
    }

    @Test
    void wrongCredentialsFailAtOnce() {
        try (EmbeddedS3 server = EmbeddedS3.start(dir)) {
            S3Settings real = server.settings("pita-test");
            S3Settings wrong = new S3Settings(real.endpoint(), real.bucket(), null, real.accessKey(), "not-the-secret",
                    null);
            long start = System.nanoTime();
            var e = assertThrows(ArtifactStoreException.class, () -> S3ArtifactStore.open(wrong));
            assertTrue(System.nanoTime() - start < 1_000_000_000L, "not retried");
            assertTrue(e.getMessage().startsWith("create bucket pita-test at " + real.endpoint() + " failed: "),
                    e.getMessage());
            assertFalse(e.getMessage().contains("not-the-secret"), e.getMessage());
        }
    }

    @Test
    void serverErrorsAreRetriedAndThenReported() throws IOException {
        // S3 never answers 503 on demand, so a bare HTTP server stands in for one that is overloaded
        AtomicInteger requests = new AtomicInteger();
        HttpServer overloaded = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        overloaded.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        overloaded.start();
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + overloaded.getAddress().getPort());
            S3Settings settings = new S3Settings(endpoint, "pita-test", null, "access", "secret", null);
            var e = assertThrows(ArtifactStoreException.class, () -> S3ArtifactStore.open(settings));
            assertEquals("S3 endpoint " + endpoint + " failing after 4 attempts (create bucket pita-test): server"
                    + " failed with HTTP status code 503", e.getMessage());
            assertEquals(4, requests.get());
        } finally {
            overloaded.stop(0);
        }
    }

    // A port nothing listens on: bound once by the OS's choice, then released.
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
