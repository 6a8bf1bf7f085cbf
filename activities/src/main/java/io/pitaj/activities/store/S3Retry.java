package io.pitaj.activities.store;

import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.errors.ServerException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Runs S3 calls with a bounded number of attempts, so that a store restarting or briefly overloaded costs a
 * moment, while one that is down or refuses the request fails fast with one line naming the endpoint, the object
 * and the cause. Only failures that may pass are retried: no connection, a timeout, a dropped connection, a 5xx
 * or an S3 "slow down"; anything else (403, a missing key, a TLS certificate the client does not trust) fails at
 * once. Each call must be safe to repeat, which S3 reads and whole-object writes are.
 */
final class S3Retry {
    /** Pauses before the 2nd, 3rd, 4th attempt: about 2 s in all before giving up. */
    private static final long[] BACKOFF_MILLIS = {250, 500, 1000};
    static final int ATTEMPTS = BACKOFF_MILLIS.length + 1;
    private static final Set<String> TRANSIENT_CODES = Set.of("InternalError", "RequestTimeout", "ServiceUnavailable",
            "SlowDown", "Throttling");

    /** One S3 request (or a few that only make sense together), repeated whole on a transient failure. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws MinioException, IOException;
    }

    private final URI endpoint;

    S3Retry(URI endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * The result of {@code call}, tried up to {@value #ATTEMPTS} times while it fails transiently.
     *
     * @param what the operation and its object for messages, e.g. {@code "get s3://b/k"}
     * @throws ArtifactStoreException when the call fails for good
     */
    <T> T run(String what, Call<T> call) {
        for (int attempt = 1; ; attempt++) {
            Exception failure;
            try {
                return call.run();
            } catch (MinioException | IOException e) {
                failure = e;
            } catch (IllegalStateException e) {
                // MinIO 9's blocking client reports a transport failure this way, its cause being the IOException
                // (no connection, a timeout) or, for a TLS failure, that exception's cause (an untrusted certificate)
                if (!(e.getCause() instanceof IOException || e.getCause() instanceof GeneralSecurityException)) {
                    throw e;
                }
                failure = e;
            }
            if (!isTransient(failure)) {
                throw new ArtifactStoreException(what + " at " + endpoint + " failed: " + describe(failure), failure);
            }
            if (attempt == ATTEMPTS) {
                String state = isNetwork(failure) ? " unreachable" : " failing";
                throw new ArtifactStoreException("S3 endpoint " + endpoint + state + " after " + ATTEMPTS
                        + " attempts (" + what + "): " + describe(failure), failure);
            }
            pause(what, BACKOFF_MILLIS[attempt - 1]);
        }
    }

    private static void pause(String what, long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArtifactStoreException(what + " interrupted while waiting to retry", e);
        }
    }

    private static boolean isTransient(Throwable e) {
        if (isNetwork(e)) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ServerException server) {
                return server.statusCode() >= 500;
            }
            if (t instanceof ErrorResponseException error) {
                return TRANSIENT_CODES.contains(error.errorResponse().code())
                        || error.response() != null && error.response().code() >= 500;
            }
        }
        return false;
    }

    // The connection could not be made or broke off. A TLS failure is an IOException too, but a certificate that
    // is not trusted now will not be trusted in a second either; nor is a certificate exception a network one.
    private static boolean isNetwork(Throwable e) {
        boolean network = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return false;
            }
            network |= t instanceof SocketException || t instanceof InterruptedIOException
                    || t instanceof UnknownHostException || t instanceof EOFException;
        }
        return network;
    }

    // The S3 error code and message if the server sent one, else the innermost cause's message ("Connection
    // refused" rather than okhttp's "Failed to connect to /127.0.0.1:9").
    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ErrorResponseException error) {
                return error.errorResponse().code() + ": " + error.errorResponse().message();
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
