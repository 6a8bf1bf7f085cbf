package io.pitaj.activities.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders a {@link RunReport} as {@value #MARKDOWN} (plots linked by relative path) and {@value #HTML} (the same
 * content with every plot inlined as a data URI, so the one file can be mailed or archived). Both are written
 * atomically after checking that every plot exists, so a report never links a missing file.
 */
public final class ReportWriter {
    public static final String MARKDOWN = "report.md", HTML = "report.html";
    /** Metric columns in this order first, the rest as they come. */
    private static final List<String> COLUMN_ORDER = List.of("energy_w1", "energy_w2", "distance_w2", "sample_w2", "torus_w2", "rama_kl",
            "tica_w1", "tica_w2", "chirality_l_fraction", "chirality_d_count", "mode_masses", "mode_masses_exact", "mode_mass_tv", "ess_per_energy_evaluation");

    private ReportWriter() {}

    /** Writes both files into {@code dir}; the plots must already be there. */
    public static void write(RunReport report, Path dir) {
        for (RunReport.Plot p : report.plots()) {
            Path f = dir.resolve(p.file()).normalize();
            if (!f.startsWith(dir.normalize()) || !Files.isRegularFile(f)) {
                throw new IllegalArgumentException("the report links " + p.file() + ", which is not a file in " + dir);
            }
        }
        atomicWrite(dir.resolve(MARKDOWN), markdown(report));
        atomicWrite(dir.resolve(HTML), html(report, dir));
    }

    static String markdown(RunReport r) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(r.title()).append("\n\n").append(r.summary()).append("\n\n");
        List<String> columns = columns(r);
        b.append("## Metrics per rung\n\n");
        b.append("| rung | T | samples | ESS | energy evaluations |");
        for (String c : columns) b.append(' ').append(c).append(" |");
        b.append("\n|---|---|---|---|---|").append("---|".repeat(columns.size())).append('\n');
        for (RunReport.Rung g : r.rungs()) {
            b.append("| ").append(cell(g.label())).append(" | ").append(number(g.temperature())).append(" | ").append(g.samples()).append(" | ")
                    .append(number(g.ess())).append(" | ").append(g.energyEvaluations() < 0 ? "—" : g.energyEvaluations()).append(" |");
            for (String c : columns) b.append(' ').append(value(g.metrics().get(c))).append(" |");
            b.append('\n');
        }
        b.append("\nMetric definitions: docs/metrics.md of PITA-J; energies in units of k_B·T, coordinates physical.\n");
        if (!r.plots().isEmpty()) {
            b.append("\n## Plots\n\n");
            for (RunReport.Plot p : r.plots()) b.append("![").append(p.caption()).append("](").append(p.file()).append(")\n\n*").append(p.caption()).append("*\n\n");
        }
        if (!r.stages().isEmpty()) {
            b.append("## Budget and time per stage\n\n| stage | wall time (s) | target energy evaluations | model evaluations |\n|---|---|---|---|\n");
            long energy = 0, model = 0;
            double seconds = 0;
            for (RunReport.Stage s : r.stages()) {
                b.append("| ").append(cell(s.name())).append(" | ").append(Double.isNaN(s.seconds()) ? "—" : String.format(Locale.ROOT, "%.1f", s.seconds())).append(" | ")
                        .append(count(s.energyEvaluations())).append(" | ").append(count(s.modelEvaluations())).append(" |\n");
                if (!Double.isNaN(s.seconds())) seconds += s.seconds();
                energy += Math.max(0, s.energyEvaluations());
                model += Math.max(0, s.modelEvaluations());
            }
            b.append("| **total** | ").append(String.format(Locale.ROOT, "%.1f", seconds)).append(" | ").append(energy).append(" | ").append(model).append(" |\n\n");
        }
        if (!r.provenance().isEmpty()) {
            b.append("## Provenance\n\n| stage | role | artifact | sha256 | bytes |\n|---|---|---|---|---|\n");
            for (RunReport.Provenance p : r.provenance()) {
                b.append("| ").append(cell(p.stage())).append(" | ").append(p.role()).append(" | ").append(cell(p.artifact().uri())).append(" | `")
                        .append(p.artifact().sha256()).append("` | ").append(p.artifact().bytes()).append(" |\n");
            }
            b.append('\n');
        }
        return b.toString();
    }

    /**
     * The Markdown translated block by block (headings, paragraphs, tables, images) with every image inlined: the two
     * files cannot say different things, and the subset is small enough to need no Markdown library.
     */
    static String html(RunReport r, Path dir) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(r.title()))
                .append("</title>\n<style>body{font-family:sans-serif;max-width:1500px;margin:2em auto;padding:0 1em;color:#222}"
                        + "table{border-collapse:collapse;margin:1em 0;font-size:14px}td,th{border:1px solid #bbb;padding:4px 8px;text-align:right}"
                        + "td:first-child,th:first-child{text-align:left}figure{margin:1.5em 0}img{max-width:100%;border:1px solid #ddd}"
                        + "figcaption{color:#555;font-style:italic}code{font-size:12px}</style></head><body>\n");
        for (String block : markdown(r).split("\n\n")) {
            block = block.strip();
            if (block.isEmpty() || (block.startsWith("*") && block.endsWith("*") && !block.startsWith("**"))) continue; // captions go with their image
            if (block.startsWith("# ")) b.append("<h1>").append(escape(block.substring(2))).append("</h1>\n");
            else if (block.startsWith("## ")) b.append("<h2>").append(escape(block.substring(3))).append("</h2>\n");
            else if (block.startsWith("| ")) b.append(table(block));
            else if (block.startsWith("![")) b.append(figure(block, dir));
            else b.append("<p>").append(escape(block)).append("</p>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    /** {@code ![caption](file)} as a figure whose image is a data URI. */
    private static String figure(String block, Path dir) {
        int close = block.lastIndexOf("](");
        String caption = block.substring(2, close), file = block.substring(close + 2, block.length() - 1);
        return "<figure><img alt=\"" + escape(caption) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(read(dir.resolve(file))) + "\"><figcaption>" + escape(caption) + "</figcaption></figure>\n";
    }

    private static String table(String block) {
        StringBuilder b = new StringBuilder("<table>\n");
        String[] lines = block.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (i == 1) continue; // the |---| separator
            String tag = i == 0 ? "th" : "td";
            b.append("<tr>");
            for (String c : cells(lines[i])) b.append('<').append(tag).append('>').append(inline(c)).append("</").append(tag).append('>');
            b.append("</tr>\n");
        }
        return b.append("</table>\n").toString();
    }

    /** Splits a table row at pipes that are not escaped. */
    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder c = new StringBuilder();
        String inner = line.strip();
        inner = inner.substring(1, inner.length() - 1);
        for (int i = 0; i < inner.length(); i++) {
            char ch = inner.charAt(i);
            if (ch == '\\' && i + 1 < inner.length() && inner.charAt(i + 1) == '|') {
                c.append('|');
                i++;
            } else if (ch == '|') {
                out.add(c.toString().strip());
                c.setLength(0);
            } else {
                c.append(ch);
            }
        }
        out.add(c.toString().strip());
        return out;
    }

    private static String inline(String c) {
        String e = escape(c);
        if (e.startsWith("**") && e.endsWith("**")) return "<b>" + e.substring(2, e.length() - 2) + "</b>";
        if (e.startsWith("`") && e.endsWith("`")) return "<code>" + e.substring(1, e.length() - 1) + "</code>";
        return e;
    }

    private static List<String> columns(RunReport r) {
        Set<String> present = new LinkedHashSet<>();
        for (RunReport.Rung g : r.rungs()) present.addAll(g.metrics().keySet());
        present.remove("ess");
        present.remove("energy_evaluations");
        List<String> out = new ArrayList<>();
        for (String c : COLUMN_ORDER) if (present.remove(c)) out.add(c);
        out.addAll(present);
        return out;
    }

    private static String value(Object v) {
        if (v == null) return "—";
        if (v instanceof double[] a) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < a.length; i++) b.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.3f", a[i]));
            return b.append(']').toString();
        }
        if (v instanceof Double d) return number(d);
        return cell(v.toString());
    }

    /** A number as the report prints it: integers whole, large values without exponent, else 4 significant digits. */
    public static String number(double v) {
        if (Double.isNaN(v)) return "—";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        if (Math.abs(v) >= 1e4 && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%.0f", v); // an ESS of 19999.7, not 2.000e+04
        String g = String.format(Locale.ROOT, "%.4g", v);
        // 0.5000 → 0.5, but 1.200e+05 keeps its exponent
        return g.contains("e") || !g.contains(".") ? g : g.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String count(long v) { return v < 0 ? "—" : Long.toString(v); }

    private static String cell(String s) { return s.replace("|", "\\|").replace("\n", " "); }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    private static void atomicWrite(Path file, String text) {
        try {
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
