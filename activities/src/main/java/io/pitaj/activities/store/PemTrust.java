package io.pitaj.activities.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS trust in exactly the certificate authorities of one PEM file, for an S3 endpoint with a private CA. The JDK's
 * own trust store is not consulted, so the file alone decides which servers the store talks to.
 */
public record PemTrust(SSLContext context, X509TrustManager trustManager) {
    /**
     * Trust in the certificates of {@code pemFile} (one or more {@code BEGIN CERTIFICATE} blocks).
     *
     * @throws IllegalArgumentException naming the file, if it cannot be read or holds no certificate
     */
    public static PemTrust of(Path pemFile) {
        try (InputStream in = Files.newInputStream(pemFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException(pemFile + ": no certificate in this PEM file");
            }
            KeyStore keyStore = KeyStore.getInstance(KeyStore.getDefaultType());
            keyStore.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                keyStore.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore);
            X509TrustManager trustManager = x509(factory.getTrustManagers());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            return new PemTrust(context, trustManager);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(pemFile + ": cannot read the trusted certificates: " + e.getMessage(),
                    e);
        }
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager manager : managers) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("the JDK's default TrustManagerFactory offers no X509TrustManager");
    }
}
