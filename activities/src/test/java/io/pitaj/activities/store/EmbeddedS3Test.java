package io.pitaj.activities.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pitaj.activities.provenance.ArtifactRef;
import io.pitaj.models.artifact.ModelArtifact;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server keeps its objects on disk across restarts and listens on loopback only. */
class EmbeddedS3Test {
    @TempDir
    Path dir;

    @Test
    void objectsOutliveARestart() throws IOException {
        Path s3 = dir.resolve("data/s3");
        Path source = ArtifactStoreTest.randomFile(dir.resolve("samples.arrow"), 100_000, 7);
        ArtifactRef ref;
        S3Settings first;
        try (EmbeddedS3 server = EmbeddedS3.start(s3);
             ArtifactStore store = S3ArtifactStore.open(server.settings("pita-runs"))) {
            first = server.settings("pita-runs");
            assertEquals("127.0.0.1", server.endpoint().getHost());
            assertUnreachableFromOtherInterfaces(server.endpoint().getPort());
            ref = store.put("runs/r/samples/T0.arrow", source);
        }
        try (EmbeddedS3 server = EmbeddedS3.start(s3);
             ArtifactStore store = S3ArtifactStore.open(server.settings("pita-runs"))) {
            S3Settings second = server.settings("pita-runs");
            assertNotEquals(first.accessKey(), second.accessKey(), "credentials are drawn anew on each start");
            assertNotEquals(first.secretKey(), second.secretKey());
            assertEquals(Optional.of(ref), store.stat("runs/r/samples/T0.arrow"));
            Path copy = dir.resolve("copy.arrow");
            store.get(ref, copy);
            assertEquals(ModelArtifact.sha256(source), ModelArtifact.sha256(copy));
            assertArrayEquals(Files.readAllBytes(source), store.getBytes(ref));
        }
    }

    // Bound to 127.0.0.1, the port is closed on every other address of this machine (if it has any).
    private static void assertUnreachableFromOtherInterfaces(int port) throws IOException {
        List<InetAddress> others = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .toList();
        for (InetAddress address : others) {
            assertThrows(IOException.class, () -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, port), 500);
                }
            }, "reachable on " + address);
        }
    }
}
