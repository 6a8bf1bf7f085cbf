package io.pitaj.activities.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The project version and git commit this build was made from, stamped at build time (build.properties, filtered by
 * Maven from the git-commit-id plugin's properties). A build outside a git checkout says {@code unknown}; one from a
 * checkout with uncommitted changes marks the commit {@code -dirty}, so a record never claims a commit it does not
 * exactly reproduce.
 */
public record CodeVersion(String version, String commit) {
    private static final CodeVersion CURRENT = load();

    public static CodeVersion current() { return CURRENT; }

    private static CodeVersion load() {
        Properties p = new Properties();
        try (InputStream in = CodeVersion.class.getResourceAsStream("build.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = resolved(p.getProperty("version"));
        String commit = resolved(p.getProperty("commit"));
        if (!commit.equals("unknown") && "true".equals(p.getProperty("dirty"))) commit += "-dirty";
        return new CodeVersion(version, commit);
    }

    /** An unfiltered placeholder (${...}) means the build could not say. */
    private static String resolved(String v) { return v == null || v.isBlank() || v.startsWith("${") ? "unknown" : v; }

    @Override
    public String toString() { return version + " (" + commit + ")"; }
}
