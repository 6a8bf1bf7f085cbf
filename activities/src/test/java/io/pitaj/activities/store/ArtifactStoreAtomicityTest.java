package io.pitaj.activities.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.activities.provenance.ArtifactRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers polling a key while it is being replaced see the old object or the new one, whole, never a part: s3proxy's
 * filesystem backend writes each object (and assembles each multipart upload) into a temporary file and renames it
 * into place. Its temporary is named {@code KEY-UUID} beside the final file, so a listing taken during an upload
 * can name it; the test accepts exactly that name and nothing else.
 */
class ArtifactStoreAtomicityTest {
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TempDir
    static Path s3Dir;
    @TempDir
    Path dir;

    private static EmbeddedS3 server;
    private static ArtifactStore store;

    @BeforeAll
    static void start() {
        server = EmbeddedS3.start(s3Dir);
        store = S3ArtifactStore.open(server.settings("pita-test"));
    }

    @AfterAll
    static void stop() {
        store.close();
        server.close();
    }

    @Test
    void multipartReplacementIsNeverSeenHalfDone() throws Exception {
        pollWhileReplacing("runs/a/samples/T1.arrow", 36_000_000);
    }

    @Test
    void singlePutReplacementIsNeverSeenHalfDone() throws Exception {
        pollWhileReplacing("runs/b/samples/T1.arrow", 12_000_000);
    }

    private void pollWhileReplacing(String key, int bytes) throws IOException {
        ArtifactRef old = store.putBytes(key, "the previous samples".getBytes(StandardCharsets.UTF_8));
        Path file = ArtifactStoreTest.randomFile(dir.resolve("new.arrow"), bytes, bytes);
        Set<String> listed = new TreeSet<>();
        Set<Optional<ArtifactRef>> seen = new HashSet<>();

        CompletableFuture<ArtifactRef> upload = CompletableFuture.supplyAsync(() -> store.put(key, file));
        int polls = 0;
        while (!upload.isDone()) {
            seen.add(store.stat(key));
            listed.addAll(store.list(key.substring(0, key.lastIndexOf('/') + 1)));
            polls++;
        }
        ArtifactRef replacement = upload.join();
        seen.add(store.stat(key));

        assertTrue(polls > 2, "the upload was too quick to watch: " + polls + " polls");
        assertTrue(Set.of(Optional.of(old), Optional.of(replacement)).containsAll(seen), "saw " + seen);
        Pattern temporary = Pattern.compile(Pattern.quote(key) + "-" + UUID_PATTERN);
        listed.remove(key);
        assertTrue(listed.stream().allMatch(name -> temporary.matcher(name).matches()), "listed " + listed);
        assertEquals(List.of(key), store.list(key), "the temporary is gone once the upload is done");
    }
}
