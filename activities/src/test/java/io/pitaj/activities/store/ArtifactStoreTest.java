package io.pitaj.activities.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.activities.provenance.ArtifactRef;
import io.pitaj.models.artifact.ModelArtifact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store against a real s3proxy through the real MinIO client: round trips, digests, listing, damage. */
class ArtifactStoreTest {
    private static final String BUCKET = "pita-test";

    @TempDir
    static Path s3Dir;
    @TempDir
    Path dir;

    private static EmbeddedS3 server;
    private static ArtifactStore store;

    @BeforeAll
    static void start() {
        server = EmbeddedS3.start(s3Dir);
        store = S3ArtifactStore.open(server.settings(BUCKET));
    }

    @AfterAll
    static void stop() {
        store.close();
        server.close();
    }

    static Path randomFile(Path file, int bytes, long seed) throws IOException {
        byte[] data = new byte[bytes];
        new Random(seed).nextBytes(data);
        return Files.write(file, data);
    }

    @Test
    void largeFileRoundTripGoesThroughMultipart() throws IOException {
        Path source = randomFile(dir.resolve("big.arrow"), 40_000_000, 1);
        assertTrue(Files.size(source) > 2 * S3ArtifactStore.PART_SIZE, "needs three parts");

        ArtifactRef ref = store.put("runs/r1/samples/T0.arrow", source);
        String sha256 = ModelArtifact.sha256(source);
        assertEquals(new ArtifactRef("s3://pita-test/runs/r1/samples/T0.arrow", sha256, 40_000_000), ref);
        assertEquals(Optional.of(ref), store.stat("runs/r1/samples/T0.arrow"));
        assertTrue(store.verify(ref));

        Path copy = dir.resolve("copy.arrow");
        Files.writeString(copy, "an older file the download replaces");
        store.get(ref, copy);
        assertEquals(ref.sha256(), ModelArtifact.sha256(copy));
        assertEquals(List.of("big.arrow", "copy.arrow"), names(dir), "no temporary left behind");
    }

    @Test
    void smallBytesRoundTrip() throws IOException {
        byte[] bytes = "{\"stage\":\"hot\"}".getBytes(UTF_8);
        ArtifactRef ref = store.putBytes("runs/r1/provenance/hot.json", bytes);
        assertEquals(bytes.length, ref.bytes());
        assertArrayEquals(bytes, store.getBytes(ref));
        assertEquals(Optional.of(ref), store.stat("runs/r1/provenance/hot.json"));

        Path file = dir.resolve("hot.json");
        store.get(ref, file);
        assertEquals(ModelArtifact.sha256(file), ref.sha256());
        assertEquals("s3://pita-test/a/b", store.uri("a/b"));
    }

    @Test
    void listByPrefix() {
        store.putBytes("runs/list/model/r0/score.onnx", new byte[] {1});
        store.putBytes("runs/list/model/r0/energy.onnx", new byte[] {2});
        store.putBytes("runs/list/model/r1/score.onnx", new byte[] {3});
        store.putBytes("runs/listing-elsewhere", new byte[] {4});
        assertEquals(List.of("runs/list/model/r0/energy.onnx", "runs/list/model/r0/score.onnx"),
                store.list("runs/list/model/r0/"));
        assertEquals(3, store.list("runs/list/").size());
        assertEquals(List.of(), store.list("runs/nothing-here/"));
    }

    @Test
    void corruptObjectIsRefusedAndNothingIsWritten() throws IOException {
        ArtifactRef ref = store.putBytes("runs/r1/samples/T1.arrow", "the real samples".getBytes(UTF_8));
        // damage the object behind the store's back: same file (so same metadata), other bytes
        Files.writeString(s3Dir.resolve(BUCKET).resolve("runs/r1/samples/T1.arrow"), "damaged samples!",
                StandardOpenOption.TRUNCATE_EXISTING);
        String actual = ModelArtifact.sha256(Files.writeString(dir.resolve("damaged"), "damaged samples!"));
        Files.delete(dir.resolve("damaged"));

        Path destination = dir.resolve("T1.arrow");
        var e = assertThrows(CorruptArtifactException.class, () -> store.get(ref, destination));
        assertEquals("s3://pita-test/runs/r1/samples/T1.arrow is corrupt: expected sha256 " + ref.sha256() + ", got "
                + actual, e.getMessage());
        assertEquals(List.of(), names(dir), "neither the destination nor a temporary exists");
        assertThrows(CorruptArtifactException.class, () -> store.getBytes(ref));
        assertFalse(store.verify(ref));
        assertEquals(Optional.of(ref), store.stat("runs/r1/samples/T1.arrow"), "stat reads metadata, not bytes");
    }

    @Test
    void missingObject() {
        ArtifactRef ref = new ArtifactRef("s3://pita-test/runs/r1/absent.arrow", "00".repeat(32), 1);
        assertEquals(Optional.empty(), store.stat("runs/r1/absent.arrow"));
        assertFalse(store.verify(ref));
        var e = assertThrows(ArtifactStoreException.class, () -> store.get(ref, dir.resolve("absent.arrow")));
        assertTrue(e.getMessage().startsWith("get s3://pita-test/runs/r1/absent.arrow at " + server.endpoint()
                + " failed: NoSuchKey"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(List.of(), names(dir));
        assertThrows(ArtifactStoreException.class, () -> store.getBytes(ref));
    }

    @Test
    void refsAndKeysAreChecked() {
        var other = new ArtifactRef("s3://another-bucket/x", "00".repeat(32), 1);
        var e = assertThrows(IllegalArgumentException.class, () -> store.getBytes(other));
        assertTrue(e.getMessage().contains("s3://another-bucket/x is not an object of this store"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> store.putBytes("/absolute", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> store.stat(""));
    }

    @Test
    void objectsWithoutDigestMetadataAreReported() throws IOException {
        Path bucketDir = s3Dir.resolve(BUCKET);
        // a file the filesystem backend serves as an object, with no metadata at all
        Files.writeString(bucketDir.resolve("foreign.bin"), "not written by the store");
        var e = assertThrows(ArtifactStoreException.class, () -> store.stat("foreign.bin"));
        assertEquals("s3://pita-test/foreign.bin has no sha256 metadata: it was not written by an artifact store, or"
                + " the S3 backend dropped its user metadata", e.getMessage());
    }

    private static List<String> names(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
