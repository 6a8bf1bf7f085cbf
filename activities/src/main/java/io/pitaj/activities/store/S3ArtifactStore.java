package io.pitaj.activities.store;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import io.pitaj.activities.provenance.ArtifactRef;
import io.pitaj.models.artifact.ModelArtifact;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * The artifact store over any S3 service (MinIO in production, the embedded s3proxy otherwise), through one
 * {@link MinioClient} built from {@link S3Settings}. Transient failures are retried a bounded number of times
 * ({@link S3Retry}); every other failure is an {@link ArtifactStoreException} at once.
 */
public final class S3ArtifactStore implements ArtifactStore {
    /** Files above this size go up as a multipart upload in parts of this size (S3 allows 5 MiB to 5 GiB). */
    static final long PART_SIZE = 16L << 20;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10), IO_TIMEOUT = Duration.ofMinutes(2);

    private final S3Settings settings;
    private final MinioClient client;
    private final S3Retry retry;

    private S3ArtifactStore(S3Settings settings, MinioClient client) {
        this.settings = settings;
        this.client = client;
        this.retry = new S3Retry(settings.endpoint());
    }

    /**
     * Connects to the store {@code settings} describe and creates its bucket if it is missing.
     *
     * @throws ArtifactStoreException   if the endpoint is unreachable or refuses the credentials
     * @throws IllegalArgumentException if the trusted certificate file cannot be read
     */
    public static S3ArtifactStore open(S3Settings settings) {
        MinioClient client = MinioClient.builder()
                .endpoint(settings.endpoint().toString())
                .region(settings.region())
                .credentials(settings.accessKey(), settings.secretKey())
                .httpClient(httpClient(settings), true)
                .build();
        S3ArtifactStore store = new S3ArtifactStore(settings, client);
        try {
            store.createBucketIfMissing();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    // MinIO's default client retries 5xx responses on its own; this one does not, so that S3Retry is the only
    // retry policy. HTTP/1.1 only, as MinIO's default client does.
    private static OkHttpClient httpClient(S3Settings settings) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(IO_TIMEOUT)
                .writeTimeout(IO_TIMEOUT)
                .protocols(List.of(Protocol.HTTP_1_1));
        if (settings.trustedCertificate() != null) {
            PemTrust trust = PemTrust.of(settings.trustedCertificate());
            builder.sslSocketFactory(trust.context().getSocketFactory(), trust.trustManager());
        }
        return builder.build();
    }

    private void createBucketIfMissing() {
        String bucket = settings.bucket();
        retry.run("create bucket " + bucket, () -> {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                try {
                    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                } catch (io.minio.errors.ErrorResponseException e) {
                    // several workers starting at once race to create it: another one winning is success
                    if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) throw e;
                }
            }
            return null;
        });
    }

    @Override
    public ArtifactRef put(String key, Path file) {
        requireKey(key);
        String sha256;
        long size;
        try {
            sha256 = ModelArtifact.sha256(file);
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        // uploadObject streams the file from disk, in PART_SIZE parts once it is larger than one part; maxRetries(1)
        // turns off MinIO's own retry of a failed multipart completion, so that S3Retry is the only retry policy
        retry.run("put " + uri(key), () -> client.uploadObject(UploadObjectArgs.builder()
                .bucket(settings.bucket()).object(key)
                .filename(file.toString(), PART_SIZE)
                .userMetadata(Map.of(SHA256_METADATA, sha256))
                .maxRetries(1)
                .build()));
        return new ArtifactRef(uri(key), sha256, size);
    }

    @Override
    public ArtifactRef putBytes(String key, byte[] bytes) {
        requireKey(key);
        String sha256 = HexFormat.of().formatHex(sha256().digest(bytes));
        retry.run("put " + uri(key), () -> client.putObject(PutObjectArgs.builder()
                .bucket(settings.bucket()).object(key)
                .data(bytes, bytes.length)
                .userMetadata(Map.of(SHA256_METADATA, sha256))
                .maxRetries(1)
                .build()));
        return new ArtifactRef(uri(key), sha256, bytes.length);
    }

    @Override
    public void get(ArtifactRef ref, Path destination) {
        String key = keyOf(ref);
        Path temp = temporarySibling(destination);
        try {
            try (FileChannel channel = FileChannel.open(temp, CREATE_NEW, WRITE)) {
                String actual = retry.run("get " + ref.uri(), () -> {
                    channel.truncate(0).position(0);
                    return download(key, Channels.newOutputStream(channel));
                });
                requireDigest(ref, actual);
            }
            Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + destination + ": " + e.getMessage(), e);
        } finally {
            deleteIfPresent(temp);
        }
    }

    @Override
    public byte[] getBytes(ArtifactRef ref) {
        String key = keyOf(ref);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String actual = retry.run("get " + ref.uri(), () -> {
            out.reset();
            return download(key, out);
        });
        requireDigest(ref, actual);
        return out.toByteArray();
    }

    @Override
    public Optional<ArtifactRef> stat(String key) {
        requireKey(key);
        Optional<StatObjectResponse> stat = retry.run("stat " + uri(key), () -> {
            try {
                return Optional.of(client.statObject(StatObjectArgs.builder()
                        .bucket(settings.bucket()).object(key).build()));
            } catch (ErrorResponseException e) {
                if (isMissing(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
        return stat.map(s -> {
            String sha256 = s.userMetadata().getFirst(SHA256_METADATA);
            if (sha256 == null) {
                throw new ArtifactStoreException(uri(key) + " has no " + SHA256_METADATA + " metadata: it was not"
                        + " written by an artifact store, or the S3 backend dropped its user metadata");
            }
            return new ArtifactRef(uri(key), sha256, s.size());
        });
    }

    @Override
    public boolean verify(ArtifactRef ref) {
        String key = keyOf(ref);
        return retry.run("verify " + ref.uri(), () -> {
            try {
                return download(key, OutputStream.nullOutputStream()).equals(ref.sha256());
            } catch (ErrorResponseException e) {
                if (isMissing(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public List<String> list(String prefix) {
        String where = uri(prefix == null ? "" : prefix);
        return retry.run("list " + where, () -> {
            List<String> keys = new ArrayList<>();
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder()
                    .bucket(settings.bucket()).prefix(prefix == null ? "" : prefix).recursive(true).build())) {
                Item item = result.get();
                if (!item.isDir()) {
                    keys.add(item.objectName());
                }
            }
            return keys;
        });
    }

    @Override
    public String uri(String key) {
        return "s3://" + settings.bucket() + "/" + key;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            throw new ArtifactStoreException("cannot close the S3 client for " + settings.endpoint() + ": " + e, e);
        }
    }

    // Copies the object to `out` and returns the sha256 of what was copied.
    private String download(String key, OutputStream out) throws MinioException, IOException {
        try (InputStream in = new DigestInputStream(client.getObject(GetObjectArgs.builder()
                .bucket(settings.bucket()).object(key).build()), sha256())) {
            in.transferTo(out);
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }

    private static void requireDigest(ArtifactRef ref, String actualSha256) {
        if (!actualSha256.equals(ref.sha256())) {
            throw new CorruptArtifactException(ref.uri(), ref.sha256(), actualSha256);
        }
    }

    private String keyOf(ArtifactRef ref) {
        String prefix = uri("");
        if (!ref.uri().startsWith(prefix) || ref.uri().length() == prefix.length()) {
            throw new IllegalArgumentException(ref.uri() + " is not an object of this store (" + prefix + "...)");
        }
        return ref.uri().substring(prefix.length());
    }

    private static void requireKey(String key) {
        if (key == null || key.isEmpty() || key.startsWith("/")) {
            throw new IllegalArgumentException("an artifact key must be a non-empty relative path, not '" + key + "'");
        }
    }

    private static boolean isMissing(ErrorResponseException e) {
        return "NoSuchKey".equals(e.errorResponse().code());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    // Hidden, unique and in the destination's directory, so that the final rename stays on one filesystem.
    private static Path temporarySibling(Path file) {
        String name = file.getFileName().toString();
        return file.resolveSibling("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".part");
    }

    private static void deleteIfPresent(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a stray hidden temporary is harmless; the failure that brought us here is what the caller must see
        }
    }
}
