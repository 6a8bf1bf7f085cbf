package io.pitaj.worker;

import io.pitaj.models.systems.SystemCatalog;
import io.pitaj.models.systems.SystemInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the CLI in-process over the built-in systems plus the test diatomic, capturing output. */
final class Cli {
    static final SystemCatalog CATALOG;

    static {
        List<SystemInfo<?>> entries = new ArrayList<>(SystemCatalog.builtIn().all());
        entries.add(HarmonicDiatomic.system());
        CATALOG = new SystemCatalog(entries);
    }

    record Result(int exitCode, String out, String err) {
        List<String> outLines() { return out.lines().toList(); }

        List<String> errLines() { return err.lines().toList(); }
    }

    private Cli() {}

    static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = PitaCli.commandLine(CATALOG);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Writes {@code text} to a new file {@code name} in {@code dir}. */
    static Path file(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** XYZ frames of the flat batch x (atom-major, spatialDim per atom, z = 0 padded), coordinates scaled by toFile. */
    static String xyz(double[] x, int frames, int spatialDim, List<String> symbols, double toFile) {
        StringBuilder sb = new StringBuilder();
        int atoms = symbols.size();
        for (int f = 0; f < frames; f++) {
            sb.append(atoms).append('\n').append("frame ").append(f).append('\n');
            for (int a = 0; a < atoms; a++) {
                sb.append(symbols.get(a));
                for (int c = 0; c < 3; c++) {
                    double v = c < spatialDim ? x[(f * atoms + a) * spatialDim + c] * toFile : 0;
                    sb.append(' ').append(v);
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
