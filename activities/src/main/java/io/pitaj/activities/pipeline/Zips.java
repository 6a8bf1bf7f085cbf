package io.pitaj.activities.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A model directory as one stored object: a zip of its files with fixed timestamps, so the same model always zips
 * to the same bytes (and the same sha256), which the stage cache relies on.
 */
final class Zips {
    private Zips() {}

    static void zip(Path dir, Path zip) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Path f : files) {
                ZipEntry e = new ZipEntry(dir.relativize(f).toString().replace('\\', '/'));
                e.setTime(0);
                z.putNextEntry(e);
                Files.copy(f, z);
                z.closeEntry();
            }
        }
    }

    /** Unzips into {@code dir} (created), refusing entries that would land outside it. */
    static Path unzip(Path zip, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                Path f = dir.resolve(e.getName()).normalize();
                if (!f.startsWith(dir.normalize())) throw new IOException("zip entry " + e.getName() + " escapes " + dir);
                Files.createDirectories(f.getParent());
                Files.copy(z, f);
            }
        }
        return dir;
    }
}
