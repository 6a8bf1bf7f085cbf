package io.pitaj.activities.provenance;

import io.pitaj.models.artifact.ModelArtifact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An input or output of a stage as provenance names it: where it is, its sha256 and its size in bytes. */
public record ArtifactRef(String uri, String sha256, long bytes) {
    /** The reference of a local file, digest and size read now. */
    public static ArtifactRef of(Path file) {
        try {
            return new ArtifactRef(file.toAbsolutePath().normalize().toUri().toString(), ModelArtifact.sha256(file), Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether the local file still has this reference's digest. */
    public boolean matches(Path file) {
        try {
            return Files.isRegularFile(file) && ModelArtifact.sha256(file).equals(sha256);
        } catch (IOException e) {
            return false;
        }
    }
}
