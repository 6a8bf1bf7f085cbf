package io.pitaj.activities.store;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the artifact store lives and how to sign in to it. Credentials come only from the environment (DESIGN §4:
 * never from arguments, logs or provenance), which is why {@link #toString()} masks the secret key.
 *
 * @param endpoint           the S3 service, {@code http} or {@code https}, without a path
 * @param bucket             the bucket holding every artifact (S3 names: 3 to 63 lower-case letters, digits, dots
 *                           and hyphens)
 * @param region             the signing region; null or blank means {@value #DEFAULT_REGION}
 * @param accessKey          the access key id
 * @param secretKey          the secret key
 * @param trustedCertificate a PEM file of the certificate authorities to trust instead of the JDK's, for TLS to a
 *                           private endpoint; null to use the JDK's trust store
 */
public record S3Settings(URI endpoint, String bucket, String region, String accessKey, String secretKey,
                         Path trustedCertificate) {
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String ACCESS_KEY = "PITA_S3_ACCESS_KEY", ACCESS_KEY_FILE = "PITA_S3_ACCESS_KEY_FILE",
            SECRET_KEY = "PITA_S3_SECRET_KEY", SECRET_KEY_FILE = "PITA_S3_SECRET_KEY_FILE", CA_FILE = "PITA_S3_CA_FILE";

    public S3Settings {
        if (endpoint == null || endpoint.getHost() == null
                || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
            throw new IllegalArgumentException("S3 endpoint must be an http or https URL with a host, not " + endpoint);
        }
        if (endpoint.getRawPath() != null && !endpoint.getRawPath().isEmpty() && !endpoint.getRawPath().equals("/")
                || endpoint.getRawQuery() != null) {
            throw new IllegalArgumentException("S3 endpoint must not have a path or query: " + endpoint);
        }
        if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("S3 bucket name must be 3 to 63 lower-case letters, digits, dots or"
                    + " hyphens, starting and ending with a letter or digit, not '" + bucket + "'");
        }
        region = region == null || region.isBlank() ? DEFAULT_REGION : region;
        if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("S3 access key and secret key must not be empty");
        }
        if (trustedCertificate != null && !"https".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("a trusted certificate (" + trustedCertificate + ") needs an https"
                    + " endpoint, not " + endpoint);
        }
    }

    /**
     * Settings for {@code endpoint} and {@code bucket} with the credentials named by the environment: the access key
     * from {@value #ACCESS_KEY} or from the file named by {@value #ACCESS_KEY_FILE}, the secret key likewise from
     * {@value #SECRET_KEY} or {@value #SECRET_KEY_FILE} (file contents are trimmed, so a trailing newline is fine),
     * and the optional CA file from {@value #CA_FILE}. The region is {@value #DEFAULT_REGION}.
     *
     * @throws IllegalArgumentException naming the variables, if a credential is missing, set both ways, or names
     *                                  an unreadable or empty file
     */
    public static S3Settings fromEnvironment(URI endpoint, String bucket, Map<String, String> env) {
        List<String> missing = new ArrayList<>();
        String accessKey = credential(env, ACCESS_KEY, ACCESS_KEY_FILE, missing);
        String secretKey = credential(env, SECRET_KEY, SECRET_KEY_FILE, missing);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("S3 credentials missing: set " + String.join(", and ", missing));
        }
        String caFile = env.get(CA_FILE);
        Path certificate = caFile == null || caFile.isBlank() ? null : Path.of(caFile);
        if (certificate != null && !(Files.isRegularFile(certificate) && Files.isReadable(certificate))) {
            throw new IllegalArgumentException(CA_FILE + " names " + certificate + ", which is not a readable file");
        }
        return new S3Settings(endpoint, bucket, DEFAULT_REGION, accessKey, secretKey, certificate);
    }

    // The value of `variable`, else the trimmed content of the file `fileVariable` names; null (and the pair noted
    // in `missing`) if neither is set.
    private static String credential(Map<String, String> env, String variable, String fileVariable,
                                     List<String> missing) {
        String value = env.get(variable), file = env.get(fileVariable);
        boolean hasValue = value != null && !value.isBlank(), hasFile = file != null && !file.isBlank();
        if (hasValue && hasFile) {
            throw new IllegalArgumentException("set " + variable + " or " + fileVariable + ", not both");
        }
        if (hasValue) {
            return value.strip();
        }
        if (!hasFile) {
            missing.add(variable + " or " + fileVariable);
            return null;
        }
        String content;
        try {
            content = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException(fileVariable + " names " + file + ", which cannot be read: " + e, e);
        }
        if (content.isEmpty()) {
            throw new IllegalArgumentException(fileVariable + " names " + file + ", which is empty");
        }
        return content;
    }

    /** The settings with the secret key masked: this is what logs and error messages may show. */
    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", accessKey="
                + accessKey + ", secretKey=****, trustedCertificate=" + trustedCertificate + "]";
    }
}
