package io.pitaj.activities.store;

/**
 * The artifact store could not do what was asked: the endpoint is unreachable, access is denied, an object is
 * missing. The message is one line naming the endpoint or the object and the cause, because activities report it
 * to Temporal and the CLI prints it as is.
 */
public class ArtifactStoreException extends RuntimeException {
    public ArtifactStoreException(String message) {
        super(oneLine(message));
    }

    public ArtifactStoreException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    // S3 error messages and library exceptions may span lines; a report must stay one line.
    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
