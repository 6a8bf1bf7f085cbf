package io.pitaj.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pitaj.activities.report.ReportWriter;
import io.pitaj.worker.inspecting.PlotCommand;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pita plot}: plots and a report of a sample set, the same metrics as {@code pita eval}, and refusals. */
class PlotCommandTest {
    @TempDir
    Path dir;

    private Path sample(String name, String... args) {
        Path out = dir.resolve(name);
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--out", out.toString()));
        Cli.Result r = Cli.run(a.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        return out;
    }

    @Test
    void plotsAndReportsASetAgainstItsReference() throws Exception {
        Path ref = sample("ref.arrow", "reference", "--system", "mog4", "--samples", "600", "--seed", "1");
        Path mala = sample("mala.arrow", "sample", "--system", "mog4", "--method", "mala", "--samples", "400", "--chains", "8",
                "--warmup", "50", "--thin", "2");
        Path out = dir.resolve("plots");
        Cli.Result r = Cli.run("plot", mala.toString(), "--reference", ref.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains(ReportWriter.MARKDOWN), r.out());

        String md = Files.readString(out.resolve(ReportWriter.MARKDOWN));
        Matcher m = Pattern.compile("!\\[[^\\]]*\\]\\(([^)]+)\\)").matcher(md);
        List<String> linked = new ArrayList<>();
        while (m.find()) linked.add(m.group(1));
        assertEquals(List.of("energy.png", "scatter.png"), linked);
        for (String f : linked) {
            BufferedImage img = ImageIO.read(out.resolve(f).toFile());
            assertEquals(900, img.getWidth(), f);
            assertEquals(600, img.getHeight(), f);
        }
        assertTrue(md.contains("mode_masses_exact"), md);
        assertTrue(md.contains("| pita reference exact |"), "the reference's provenance record gives its stage: " + md);
        assertTrue(Files.readString(out.resolve(ReportWriter.HTML)).contains("data:image/png;base64,"));

        ObjectMapper json = new ObjectMapper();
        JsonNode stored = json.readTree(out.resolve(PlotCommand.METRICS_JSON).toFile());
        JsonNode eval = json.readTree(Cli.run("eval", "--samples", mala.toString(), "--reference", ref.toString(), "--json").out());
        assertEquals(eval, stored, "metrics.json is pita eval --json");
        assertTrue(stored.get("energy_evaluations").asDouble() > 0 && stored.has("ess_per_energy_evaluation"), stored.toString());
    }

    @Test
    void withoutAReferenceItPlotsTheSetAlone() throws Exception {
        Path set = sample("lj.arrow", "sample", "--system", "lj13", "--method", "mala", "--samples", "64", "--chains", "8", "--warmup", "20",
                "--thin", "1");
        Path out = dir.resolve("lj");
        Cli.Result r = Cli.run("plot", set.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("distances.png", "energy.png", "report.html", "report.md"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no metrics without a reference");
        }
    }

    /** A model's stored loss curve becomes the training-loss plot of the samples it made. */
    @Test
    void aModelAddsItsTrainingLossPlot() throws Exception {
        Path hot = sample("hot.arrow", "reference", "--system", "mog4", "--samples", "64");
        Path run = dir.resolve("run");
        Cli.Result t = Cli.run("train", "--system", "mog4", "--samples", hot.toString(), "--temperature", "1", "--size", "small", "--batch", "16",
                "--threads", "1", "--steps", "30", "--out", run.toString());
        assertEquals(0, t.exitCode(), t.err());
        Path annealed = sample("fk.arrow", "anneal", "--model", run.resolve("model").toString(), "--gamma", "1", "--particles", "32", "--steps", "5",
                "--threads", "1");
        Path out = dir.resolve("with-model");
        Cli.Result r = Cli.run("plot", annealed.toString(), "--model", run.resolve("model").toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        BufferedImage loss = ImageIO.read(out.resolve("training-loss.png").toFile());
        assertEquals(900, loss.getWidth());
        assertTrue(Files.readString(out.resolve(ReportWriter.MARKDOWN)).contains("](training-loss.png)"));
        assertTrue(Files.exists(out.resolve("smc-trace.png")), "an annealed set carries its SMC traces");
    }

    @Test
    void refusesMismatchedSetsAndAnOccupiedDirectory() throws Exception {
        Path mog = sample("mog.arrow", "reference", "--system", "mog4", "--samples", "50");
        Path gmm = sample("gmm.arrow", "reference", "--system", "gmm40", "--samples", "50");
        Path out = dir.resolve("p");
        SampleCommandTest.assertOneLineError(Cli.run("plot", mog.toString(), "--reference", gmm.toString(), "--out", out.toString()),
                "holds mog4 but");
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "mine");
        SampleCommandTest.assertOneLineError(Cli.run("plot", mog.toString(), "--out", out.toString()), "is not empty; choose a new --out directory");
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
        SampleCommandTest.assertOneLineError(Cli.run("plot", mog.toString(), "--model", dir.toString(), "--out", dir.resolve("q").toString()),
                "is not a model directory");
    }
}
