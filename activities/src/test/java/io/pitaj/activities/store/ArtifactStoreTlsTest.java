package io.pitaj.activities.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS to an endpoint with a private CA: trusted through {@link S3Settings#trustedCertificate()}, refused at once
 * without it. The server is s3proxy on https with a self-signed certificate that keytool makes for 127.0.0.1.
 */
class ArtifactStoreTlsTest {
    private static final String PASSWORD = "test-only", ACCESS = "tls-access", SECRET = "tls-secret";

    @TempDir
    static Path dir;

    private static S3Proxy proxy;
    private static URI endpoint;
    private static Path certificate;

    @BeforeAll
    static void start() throws Exception {
        Path keyStore = dir.resolve("server.p12");
        certificate = dir.resolve("ca.pem");
        keytool("-genkeypair", "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
                "-alias", "s3", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1");
        keytool("-exportcert", "-rfc", "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-alias", "s3",
                "-file", certificate.toString());
        proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient-nio2", new Properties()))
                .secureEndpoint(URI.create("https://127.0.0.1:0"))
                .keyStore(keyStore.toString(), PASSWORD)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
                .build();
        proxy.start();
        endpoint = URI.create("https://127.0.0.1:" + proxy.getSecurePort());
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.stop();
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), "keytool failed: " + output);
    }

    @Test
    void trustedCertificateIsAccepted() {
        S3Settings settings = new S3Settings(endpoint, "pita-tls", null, ACCESS, SECRET, certificate);
        try (ArtifactStore store = S3ArtifactStore.open(settings)) {
            byte[] bytes = {4, 2};
            assertArrayEquals(bytes, store.getBytes(store.putBytes("a/b.bin", bytes)));
        }
    }

    @Test
    void untrustedCertificateFailsAtOnce() {
        S3Settings settings = new S3Settings(endpoint, "pita-tls", null, ACCESS, SECRET, null);
        long start = System.nanoTime();
        var e = assertThrows(ArtifactStoreException.class, () -> S3ArtifactStore.open(settings));
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "not retried");
        assertTrue(e.getMessage().startsWith("create bucket pita-tls at " + endpoint + " failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("certification path"), e.getMessage());
    }

    @Test
    void unreadableCertificateFileIsReported() throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate");
        S3Settings settings = new S3Settings(endpoint, "pita-tls", null, ACCESS, SECRET, garbage);
        var e = assertThrows(IllegalArgumentException.class, () -> S3ArtifactStore.open(settings));
        assertTrue(e.getMessage().startsWith(garbage + ": cannot read the trusted certificates"), e.getMessage());
    }
}
