package io.pitaj.activities.store;

import io.pitaj.activities.provenance.ArtifactRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where stages put the files they pass to one another (DESIGN §2): only the {@link ArtifactRef} (URI, sha256, size)
 * travels through Temporal, the bytes stay here.
 *
 * <p>Every object carries its sha256 as user metadata {@value #SHA256_METADATA}, and every read checks the bytes
 * against the reference it was given, so a damaged or replaced object is reported, never used.
 *
 * <p>Writes are atomic: a reader of a key sees either the previous object or the whole new one, never part of
 * one. S3 gives this for single PUTs and for multipart uploads (the object appears when the upload completes);
 * the embedded server's filesystem backend gives it by writing to a temporary file and renaming it into place.
 *
 * <p>Keys are relative paths such as {@code runs/R/samples/T0.arrow}: not empty and not starting with {@code /}.
 */
public interface ArtifactStore extends AutoCloseable {
    /** The user metadata key (sent as {@code x-amz-meta-sha256}) holding an object's sha256 in lower-case hex. */
    String SHA256_METADATA = "sha256";

    /**
     * Uploads {@code file} under {@code key}, replacing any object there. Large files go up in parts, streamed
     * from disk. The file must not change while this runs.
     *
     * @return the stored object's reference
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    ArtifactRef put(String key, Path file);

    /** Uploads {@code bytes} under {@code key}, replacing any object there, and returns the reference. */
    ArtifactRef putBytes(String key, byte[] bytes);

    /**
     * Downloads the object {@code ref} names to {@code destination}, replacing any file there. The bytes go to a
     * temporary sibling first and are renamed into place only once their sha256 matches {@code ref}, so the
     * destination never holds a partial or corrupt object.
     *
     * @throws CorruptArtifactException if the object's sha256 differs from {@code ref}'s (nothing is written)
     * @throws ArtifactStoreException   if the object is missing or the store fails
     */
    void get(ArtifactRef ref, Path destination);

    /** The bytes of the object {@code ref} names, checked against its sha256 as {@link #get} does. */
    byte[] getBytes(ArtifactRef ref);

    /**
     * The reference of the object stored under {@code key} (its sha256 from the metadata the store wrote, its
     * size from the store), or empty if there is none. The bytes are not read; {@link #verify} does that.
     *
     * @throws ArtifactStoreException if the object has no sha256 metadata (it was not written by an artifact store)
     */
    Optional<ArtifactRef> stat(String key);

    /**
     * Whether the object {@code ref} names still exists and has {@code ref}'s sha256, the bytes read and hashed
     * anew (this is {@code pita provenance}'s "does it still match").
     */
    boolean verify(ArtifactRef ref);

    /**
     * The keys under {@code prefix} (empty for all), in lexicographic order. With the embedded server, a listing
     * taken while an object is being written may also name that write's temporary, {@code KEY-UUID} (s3proxy's
     * filesystem backend keeps it beside the final file until the rename); the final key itself only ever names
     * a whole object.
     */
    List<String> list(String prefix);

    /** The URI of {@code key}: {@code s3://BUCKET/KEY}. */
    String uri(String key);

    /** Releases the connections; the store is unusable afterwards. */
    @Override
    void close();
}
