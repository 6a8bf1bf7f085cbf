package io.pitaj.activities.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * The S3 server of the embedded mode (DESIGN §4): s3proxy in this JVM, storing objects as files under one directory
 * so that they outlive the process, listening on 127.0.0.1 only, on a free port, and signing requests with
 * credentials drawn at random on each start, so nothing else on the machine can use it.
 *
 * <p>The filesystem backend keeps user metadata, hence each object's sha256, in extended attributes;
 * {@link #start} refuses a directory whose filesystem has none rather than let every {@code stat} fail later.
 */
public final class EmbeddedS3 implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final S3Proxy proxy;
    private final URI endpoint;
    private final String accessKey, secretKey;

    private EmbeddedS3(S3Proxy proxy, URI endpoint, String accessKey, String secretKey) {
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /**
     * Starts a server over {@code directory} (created if missing; one subdirectory per bucket, one file per object).
     *
     * @throws UncheckedIOException  if the directory cannot be created or lacks extended attributes
     * @throws IllegalStateException if the server does not start
     */
    public static EmbeddedS3 start(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the S3 data directory " + root + ": " + e.getMessage(), e);
        }
        requireExtendedAttributes(root);
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", root.toString());
        String accessKey = randomHex(16), secretKey = randomHex(32);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("filesystem-nio2", properties))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded S3 server over " + root + ": " + e, e);
        }
        return new EmbeddedS3(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()), accessKey, secretKey);
    }

    /** Where the server listens: {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Settings with which an {@link S3ArtifactStore} in this JVM reaches {@code bucket} on this server. */
    public S3Settings settings(String bucket) {
        return new S3Settings(endpoint, bucket, S3Settings.DEFAULT_REGION, accessKey, secretKey, null);
    }

    /** Stops the server; requests still running are given a moment to finish. */
    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the embedded S3 server at " + endpoint + ": " + e, e);
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    // Writes and reads back one user attribute on a scratch file: some filesystems (older tmpfs, some network and
    // container mounts) have no user xattrs, and s3proxy would then drop every object's metadata without a word.
    private static void requireExtendedAttributes(Path root) {
        Path probe = root.resolve(".xattr-probe-" + randomHex(8));
        try {
            Files.createFile(probe);
            UserDefinedFileAttributeView view = Files.getFileAttributeView(probe, UserDefinedFileAttributeView.class);
            if (view == null) {
                throw new UnsupportedOperationException("no user-defined file attribute view");
            }
            view.write("pita-probe", ByteBuffer.wrap(new byte[] {1}));
            if (view.size("pita-probe") != 1) {
                throw new UnsupportedOperationException("an extended attribute did not read back");
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new UncheckedIOException("the filesystem of " + root + " has no user extended attributes, which"
                    + " the embedded S3 server needs for object metadata (sha256): " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // deleting a file just created cannot reasonably fail, and the failure being reported matters more
            }
        }
    }
}
