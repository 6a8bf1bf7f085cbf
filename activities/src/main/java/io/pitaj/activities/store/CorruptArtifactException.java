package io.pitaj.activities.store;

/**
 * A stored object no longer has the digest its reference names: it was overwritten or damaged after it was
 * written. Retrying cannot help, so callers (the stage cache, {@code pita provenance}) treat it as "recompute".
 */
public final class CorruptArtifactException extends ArtifactStoreException {
    private final String uri, expectedSha256, actualSha256;

    public CorruptArtifactException(String uri, String expectedSha256, String actualSha256) {
        super(uri + " is corrupt: expected sha256 " + expectedSha256 + ", got " + actualSha256);
        this.uri = uri;
        this.expectedSha256 = expectedSha256;
        this.actualSha256 = actualSha256;
    }

    /** The object, as {@code s3://BUCKET/KEY}. */
    public String uri() {
        return uri;
    }

    public String expectedSha256() {
        return expectedSha256;
    }

    public String actualSha256() {
        return actualSha256;
    }
}
