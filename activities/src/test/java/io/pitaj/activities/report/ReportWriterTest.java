package io.pitaj.activities.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.activities.provenance.ArtifactRef;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    private static final Pattern IMAGE_LINK = Pattern.compile("!\\[[^\\]]*\\]\\(([^)]+)\\)");
    private static final Pattern DATA_URI = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    @TempDir
    Path dir;

    private Path png(String name, int width) throws Exception {
        Path f = dir.resolve(name);
        ImageIO.write(new BufferedImage(width, 10, BufferedImage.TYPE_INT_RGB), "png", f.toFile());
        return f;
    }

    private RunReport report(List<RunReport.Plot> plots) throws Exception {
        Map<String, Object> hot = new LinkedHashMap<>(), cold = new LinkedHashMap<>();
        hot.put("energy_w2", 0.25);
        hot.put("mode_masses", new double[] {0.5, 0.25, 0.125, 0.125});
        cold.put("energy_w2", 0.125);
        cold.put("rama_kl", 1.5);
        Path data = Files.writeString(dir.resolve("set.arrow"), "x");
        return new RunReport("Run r|1", "mog4, T = 4 → 1.", List.of(new RunReport.Rung("rung 0", 4, 100, 99.5, 1000, hot),
                new RunReport.Rung("rung 1", 1, 100, 50, -1, cold)), plots,
                List.of(new RunReport.Stage("anneal", 2.25, 10, 500), new RunReport.Stage("relax", Double.NaN, 5, -1)),
                List.of(new RunReport.Provenance("anneal", "output", ArtifactRef.of(data))));
    }

    @Test
    void markdownLinksOnlyExistingPlotsAndHtmlInlinesEachOfThem() throws Exception {
        png("a.png", 20);
        Files.createDirectories(dir.resolve("sub"));
        png("sub/b.png", 30);
        ReportWriter.write(report(List.of(new RunReport.Plot("a.png", "first"), new RunReport.Plot("sub/b.png", "second"))), dir);

        String md = Files.readString(dir.resolve(ReportWriter.MARKDOWN));
        List<String> links = new ArrayList<>();
        Matcher m = IMAGE_LINK.matcher(md);
        while (m.find()) links.add(m.group(1));
        assertEquals(List.of("a.png", "sub/b.png"), links);
        for (String l : links) assertTrue(Files.isRegularFile(dir.resolve(l)), l);

        String html = Files.readString(dir.resolve(ReportWriter.HTML));
        List<Integer> widths = new ArrayList<>();
        Matcher d = DATA_URI.matcher(html);
        while (d.find()) widths.add(ImageIO.read(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(d.group(1)))).getWidth());
        assertEquals(List.of(20, 30), widths, "each plot inlined, in order, decodable");
        assertFalse(html.contains("src=\"a.png\""), "self-contained: no link to a file");
    }

    @Test
    void tablesShowEveryMetricOnceWithDashesForAbsentKeys() throws Exception {
        String md = ReportWriter.markdown(report(List.of()));
        assertTrue(md.startsWith("# Run r|1\n"), md);
        assertTrue(md.contains("| rung | T | samples | ESS | energy evaluations | energy_w2 | rama_kl | mode_masses |"), md);
        assertTrue(md.contains("| rung 0 | 4 | 100 | 99.5 | 1000 | 0.25 | — | [0.500, 0.250, 0.125, 0.125] |"), md);
        assertTrue(md.contains("| rung 1 | 1 | 100 | 50 | — | 0.125 | 1.5 | — |"), md);
        assertTrue(md.contains("| relax | — | 5 | — |"), "unknown time and counts are dashes: " + md);
        assertTrue(md.contains("| **total** | 2.2 | 15 | 500 |") || md.contains("| **total** | 2.3 | 15 | 500 |"), md);
        String html = ReportWriter.html(report(List.of()), dir);
        assertTrue(html.contains("<td>rung 1</td>"), html);
        assertTrue(html.contains("<h1>Run r|1</h1>"), "a pipe in the title is text, not a cell: " + html);
    }

    @Test
    void aMissingPlotIsRefusedAndNoReportIsWritten() throws Exception {
        png("a.png", 10);
        RunReport r = report(List.of(new RunReport.Plot("a.png", "ok"), new RunReport.Plot("gone.png", "missing")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportWriter.write(r, dir));
        assertTrue(e.getMessage().contains("gone.png"), e.getMessage());
        assertFalse(Files.exists(dir.resolve(ReportWriter.MARKDOWN)));
        assertFalse(Files.exists(dir.resolve(ReportWriter.HTML)));
        RunReport outside = report(List.of(new RunReport.Plot("../a.png", "outside")));
        assertThrows(IllegalArgumentException.class, () -> ReportWriter.write(outside, dir.resolve("sub2")));
    }
}
