package io.pitaj.activities.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a process killed while writing to an {@link EmbeddedS3} directory leaves there. s3proxy's filesystem backend
 * writes an object to {@code KEY-UUID} beside its final file and renames it to {@code KEY} when complete, and keeps a
 * multipart upload's parts and stubs in {@code .mpus-UUID-KEY...} and {@code .s3proxy-mpu-stub-UUID} at the top of
 * the bucket until the upload completes. After SIGKILL they stay. None is an object a stage reads — a stage asks for
 * exact keys, and a listing can name a temporary but never a key that was not completely written — so they never
 * change a result; but each can be as large as a checkpoint or a model.
 */
public final class UnfinishedWrites {
    private static final Pattern TEMPORARY = Pattern.compile(".+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final List<String> UPLOADS = List.of(".mpus-", ".s3proxy-mpu-stub-");
    private static final String VERSIONS = ".s3proxy-versions";

    private UnfinishedWrites() {}

    /**
     * Deletes them from every bucket under {@code directory}. Only for a caller that knows nothing writes there (the
     * embedded run holds its data directory's lock): an upload in flight would lose its temporary. PITA-J's keys
     * never end in a UUID, so no complete object is taken for a temporary.
     *
     * @return how many files were deleted
     */
    public static int remove(Path directory) {
        if (!Files.isDirectory(directory)) return 0;
        int removed = 0;
        try (DirectoryStream<Path> buckets = Files.newDirectoryStream(directory, Files::isDirectory)) {
            for (Path bucket : buckets) {
                try (DirectoryStream<Path> top = Files.newDirectoryStream(bucket)) {
                    for (Path entry : top) {
                        String name = entry.getFileName().toString();
                        if (UPLOADS.stream().anyMatch(name::startsWith)) {
                            removed += deleteTree(entry);
                        } else if (!name.equals(VERSIONS)) {
                            removed += deleteTemporaries(entry);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear unfinished writes from " + directory + ": " + e.getMessage(), e);
        }
        return removed;
    }

    /** Deletes {@code root} with everything under it; returns the number of files. */
    private static int deleteTree(Path root) throws IOException {
        List<Path> paths;
        try (Stream<Path> s = Files.walk(root)) {
            paths = s.sorted(Comparator.reverseOrder()).toList();
        }
        int files = 0;
        for (Path p : paths) {
            if (!Files.isDirectory(p)) files++;
            Files.delete(p);
        }
        return files;
    }

    private static int deleteTemporaries(Path root) throws IOException {
        List<Path> found;
        try (Stream<Path> s = Files.walk(root)) {
            found = s.filter(f -> Files.isRegularFile(f) && TEMPORARY.matcher(f.getFileName().toString()).matches()).toList();
        }
        for (Path f : found) Files.delete(f);
        return found.size();
    }
}
