package io.pitaj.activities.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials come from the environment only, and the secret never shows in a printout. */
class S3SettingsTest {
    private static final URI MINIO = URI.create("https://minio.example:9000");

    @TempDir
    Path dir;

    @Test
    void credentialsFromVariables() {
        S3Settings s = S3Settings.fromEnvironment(MINIO, "pita-runs",
                Map.of("PITA_S3_ACCESS_KEY", "AKIDEXAMPLE", "PITA_S3_SECRET_KEY", "s3cr3t-Value"));
        assertEquals("AKIDEXAMPLE", s.accessKey());
        assertEquals("s3cr3t-Value", s.secretKey());
        assertEquals("us-east-1", s.region());
        assertNull(s.trustedCertificate());
    }

    @Test
    void credentialsFromFilesAreTrimmed() throws IOException {
        Path access = Files.writeString(dir.resolve("access"), "AKIDFILE\n");
        Path secret = Files.writeString(dir.resolve("secret"), "  from-a-file \n");
        Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        S3Settings s = S3Settings.fromEnvironment(MINIO, "pita-runs", Map.of(
                "PITA_S3_ACCESS_KEY_FILE", access.toString(),
                "PITA_S3_SECRET_KEY_FILE", secret.toString(),
                "PITA_S3_CA_FILE", ca.toString()));
        assertEquals("AKIDFILE", s.accessKey());
        assertEquals("from-a-file", s.secretKey());
        assertEquals(ca, s.trustedCertificate());
    }

    @Test
    void missingCredentialsNameTheVariables() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> S3Settings.fromEnvironment(MINIO, "pita-runs", Map.of("PITA_S3_ACCESS_KEY", "AKID")));
        assertEquals("S3 credentials missing: set PITA_S3_SECRET_KEY or PITA_S3_SECRET_KEY_FILE", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> S3Settings.fromEnvironment(MINIO, "pita-runs", Map.of()));
        assertEquals("S3 credentials missing: set PITA_S3_ACCESS_KEY or PITA_S3_ACCESS_KEY_FILE, and"
                + " PITA_S3_SECRET_KEY or PITA_S3_SECRET_KEY_FILE", e.getMessage());
    }

    @Test
    void unusableFilesAndConflictsAreRefused() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        Path absent = dir.resolve("absent");
        assertMessage("PITA_S3_SECRET_KEY_FILE names " + empty + ", which is empty",
                Map.of("PITA_S3_ACCESS_KEY", "a", "PITA_S3_SECRET_KEY_FILE", empty.toString()));
        assertMessage("PITA_S3_SECRET_KEY_FILE names " + absent + ", which cannot be read",
                Map.of("PITA_S3_ACCESS_KEY", "a", "PITA_S3_SECRET_KEY_FILE", absent.toString()));
        assertMessage("set PITA_S3_ACCESS_KEY or PITA_S3_ACCESS_KEY_FILE, not both",
                Map.of("PITA_S3_ACCESS_KEY", "a", "PITA_S3_ACCESS_KEY_FILE", empty.toString(),
                        "PITA_S3_SECRET_KEY", "s"));
        assertMessage("PITA_S3_CA_FILE names " + absent + ", which is not a readable file",
                Map.of("PITA_S3_ACCESS_KEY", "a", "PITA_S3_SECRET_KEY", "s", "PITA_S3_CA_FILE", absent.toString()));
    }

    private void assertMessage(String start, Map<String, String> env) {
        var e = assertThrows(IllegalArgumentException.class, () -> S3Settings.fromEnvironment(MINIO, "pita-runs", env));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }

    @Test
    void toStringMasksTheSecret() {
        S3Settings s = new S3Settings(MINIO, "pita-runs", null, "AKIDEXAMPLE", "wJalrXUtnFEMI-K7MDENG", null);
        assertFalse(s.toString().contains("wJalrXUtnFEMI-K7MDENG"), s.toString());
        assertTrue(s.toString().contains("secretKey=****"), s.toString());
        assertTrue(s.toString().contains("endpoint=https://minio.example:9000"), s.toString());
    }

    @Test
    void invalidSettingsAreRefused() {
        Path ca = dir.resolve("ca.pem");
        assertThrows(IllegalArgumentException.class,
                () -> new S3Settings(URI.create("ftp://host"), "pita-runs", null, "a", "s", null));
        assertThrows(IllegalArgumentException.class,
                () -> new S3Settings(URI.create("http://host:9000/some/path"), "pita-runs", null, "a", "s", null));
        assertThrows(IllegalArgumentException.class, () -> new S3Settings(MINIO, "ab", null, "a", "s", null));
        assertThrows(IllegalArgumentException.class, () -> new S3Settings(MINIO, "Pita_Runs", null, "a", "s", null));
        assertThrows(IllegalArgumentException.class, () -> new S3Settings(MINIO, "pita-runs", null, "a", " ", null));
        var e = assertThrows(IllegalArgumentException.class,
                () -> new S3Settings(URI.create("http://host:9000"), "pita-runs", null, "a", "s", ca));
        assertTrue(e.getMessage().contains("needs an https endpoint"), e.getMessage());
    }
}
