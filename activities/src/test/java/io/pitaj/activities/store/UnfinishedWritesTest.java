package io.pitaj.activities.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL while uploading to its embedded S3 store leaves multipart parts and temporaries in
 * the store's directory; {@link UnfinishedWrites#remove} deletes exactly those, and every complete object still reads
 * back with its digest.
 */
class UnfinishedWritesTest {
    private static final String KEYS = "runs/x/";

    @TempDir
    Path dir;

    /** The child: uploads one file under new keys, multipart (it is above the part size), until it is killed. */
    static final class Uploader {
        public static void main(String[] args) {
            try (EmbeddedS3 s3 = EmbeddedS3.start(Path.of(args[0])); ArtifactStore store = S3ArtifactStore.open(s3.settings("pita"))) {
                for (int i = 0; ; i++) {
                    store.put(KEYS + "big-" + i + ".bin", Path.of(args[1]));
                    System.out.println("put " + i);
                }
            }
        }
    }

    @Test
    void aKilledUploadLeavesPartsThatAreRemovedAndNothingElse() throws Exception {
        Path s3 = dir.resolve("s3"), bucket = s3.resolve("pita"), log = dir.resolve("uploader.log");
        Path source = ArtifactStoreTest.randomFile(dir.resolve("big.bin"), (int) (1.5 * S3ArtifactStore.PART_SIZE), 11);
        Process uploader = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss4m", "-cp",
                System.getProperty("java.class.path"), Uploader.class.getName(), s3.toString(), source.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); !Files.readString(log).contains("put 0"); Thread.sleep(50)) {
                assertTrue(uploader.isAlive() && System.nanoTime() < deadline, () -> "no upload completed: " + read(log));
            }
            // the next upload starts at once: kill it once it has bytes on disk (a part, or a temporary being written)
            while (leftovers(bucket).stream().noneMatch(f -> f.toFile().length() > 0)) {
                assertTrue(uploader.isAlive(), () -> read(log));
                Thread.sleep(2);
            }
        } finally {
            uploader.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Set<Path> left = leftovers(bucket);
        assertFalse(left.isEmpty(), "the killed upload left nothing to clear");

        assertEquals(left.size(), UnfinishedWrites.remove(s3), "removed: " + left);
        assertEquals(Set.of(), leftovers(bucket));
        Set<String> complete = objects(bucket);
        assertTrue(complete.contains(KEYS + "big-0.bin"), complete.toString());
        try (EmbeddedS3 server = EmbeddedS3.start(s3); ArtifactStore store = S3ArtifactStore.open(server.settings("pita"))) {
            assertEquals(complete, new TreeSet<>(store.list(KEYS)), "a listing names the complete objects only");
            for (String key : complete) assertTrue(store.verify(store.stat(key).orElseThrow()), key);
        }
    }

    /** Files in the bucket's directory that are not a complete object {@code runs/x/big-N.bin}. */
    private static Set<Path> leftovers(Path bucket) throws Exception {
        return files(bucket).stream().filter(f -> !bucket.relativize(f).toString().matches("runs/x/big-\\d+\\.bin")).collect(Collectors.toSet());
    }

    private static Set<String> objects(Path bucket) throws Exception {
        return files(bucket).stream().map(f -> bucket.relativize(f).toString()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Path> files(Path bucket) throws Exception {
        if (!Files.isDirectory(bucket)) return List.of();
        try (Stream<Path> s = Files.walk(bucket)) {
            return s.filter(Files::isRegularFile).toList();
        } catch (java.io.UncheckedIOException e) {
            return List.of(); // a temporary renamed away during the walk: the caller looks again
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return e.getMessage();
        }
    }
}
