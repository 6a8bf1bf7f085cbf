package io.pitaj.worker.inspecting;

import com.fasterxml.jackson.core.JsonGenerator;
import io.pitaj.activities.provenance.ArtifactRef;
import io.pitaj.activities.provenance.ProvenanceRecord;
import io.pitaj.activities.report.ReportWriter;
import io.pitaj.activities.report.RunReport;
import io.pitaj.activities.report.SampleSetPlots;
import io.pitaj.activities.stages.EvaluatedSamples;
import io.pitaj.activities.store.SampleSet;
import io.pitaj.models.artifact.ModelArtifact;
import io.pitaj.models.metrics.EffectiveSampleSize;
import io.pitaj.models.train.LossCurve;
import io.pitaj.worker.JsonOutput;
import io.pitaj.worker.PitaCli;
import io.pitaj.worker.UserInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pita plot}: every plot that applies to a sample set ({@link SampleSetPlots}), against a reference when one
 * is given, with a report ({@code report.md}, self-contained {@code report.html}) holding the metric table, the
 * plots, the budget and the provenance of the inputs; with a reference also {@code metrics.json}, {@code pita eval
 * --json}'s object.
 */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Render the plots and a report (report.md, report.html) of a sample set, against a reference if given.")
public final class PlotCommand implements Callable<Integer> {
    public static final String METRICS_JSON = "metrics.json";

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private PitaCli pita;

    @Parameters(index = "0", paramLabel = "F.arrow", description = "The sample set to plot.")
    private Path samples;

    @Option(names = "--reference", paramLabel = "R.arrow", description = "Reference samples of the same system and temperature.")
    private Path reference;

    @Option(names = "--system", description = "System (default: the one named in the sample set; a mixture FILE.json needs it).")
    private String system;

    @Option(names = "--model", paramLabel = "DIR", description = "The model behind the samples: adds its training-loss plot.")
    private Path model;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the subsampling for exact OT (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (new or empty; nothing is overwritten).")
    private Path out;

    @Override
    public Integer call() throws IOException {
        checkOutputDirectory();
        LossCurve loss = null;
        if (model != null) {
            if (!Files.isRegularFile(model.resolve(ModelArtifact.MODEL_JSON))) throw new UserInputException(model + " is not a model directory (no model.json)");
            try {
                loss = ModelArtifact.lossCurve(model);
            } catch (UncheckedIOException | IllegalArgumentException e) {
                throw new UserInputException(e.getMessage(), e);
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        try (ComparedSets sets = ComparedSets.load(pita, samples, reference, system)) {
            Map<String, Object> metrics = new LinkedHashMap<>();
            if (sets.reference != null) metrics.putAll(sets.table(seed));
            Files.createDirectories(out);
            List<RunReport.Plot> plots;
            try {
                plots = SampleSetPlots.render(out, sets.target, sets.samples, sets.reference, loss);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("cannot plot " + samples + ": " + e.getMessage(), e);
            }
            if (sets.reference != null) writeMetrics(metrics);
            ReportWriter.write(report(sets, metrics, plots), out);
            o.printf(Locale.ROOT, "wrote %d plots and the report %s (self-contained: %s)%s%n", plots.size(), out.resolve(ReportWriter.MARKDOWN),
                    out.resolve(ReportWriter.HTML), sets.reference != null ? "; metrics in " + out.resolve(METRICS_JSON) : "");
        }
        o.flush();
        return 0;
    }

    private void checkOutputDirectory() throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) throw new UserInputException(out + " exists and is not a directory");
        if (Files.isDirectory(out)) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) throw new UserInputException(out + " is not empty; choose a new --out directory");
            }
        }
    }

    private RunReport report(ComparedSets sets, Map<String, Object> metrics, List<RunReport.Plot> plots) {
        SampleSet s = sets.samples;
        Map<String, String> a = s.attributes();
        String summary = String.format(Locale.ROOT, "%d samples of %s at T = %s made by %s (seed %d%s)%s.", s.count(), sets.info.name(),
                s.temperature(), s.producer(), s.seed(), a.containsKey("method") ? ", method " + a.get("method") : "",
                sets.reference != null ? ", compared with " + sets.reference.count() + " reference samples from " + reference.getFileName() : "");
        long evaluations = EvaluatedSamples.targetEvaluations(s);
        RunReport.Rung rung = new RunReport.Rung(samples.getFileName().toString(), s.temperature(), s.count(), EffectiveSampleSize.kish(s.logWeight()),
                evaluations, metrics);
        List<RunReport.Stage> stages = new ArrayList<>();
        List<RunReport.Provenance> provenance = new ArrayList<>();
        for (Path file : reference == null ? List.of(samples) : List.of(samples, reference)) {
            Path sidecar = ProvenanceRecord.sidecar(file);
            SampleSet set = file.equals(samples) ? s : sets.reference;
            if (Files.isRegularFile(sidecar)) {
                ProvenanceRecord r = ProvenanceRecord.read(sidecar);
                double seconds = Duration.between(Instant.parse(r.started()), Instant.parse(r.ended())).toMillis() / 1000.0;
                stages.add(new RunReport.Stage(r.stage(), seconds, r.energyEvaluations(), modelEvaluations(set)));
                r.inputs().forEach(i -> provenance.add(new RunReport.Provenance(r.stage(), "input", i)));
                r.outputs().forEach(i -> provenance.add(new RunReport.Provenance(r.stage(), "output", i)));
            } else {
                stages.add(new RunReport.Stage(set.producer(), Double.NaN, EvaluatedSamples.targetEvaluations(set), modelEvaluations(set)));
            }
            provenance.add(new RunReport.Provenance("pita plot", "input", ArtifactRef.of(file)));
        }
        return new RunReport("Sample set " + samples.getFileName(), summary, List.of(rung), plots, stages, provenance);
    }

    private static long modelEvaluations(SampleSet s) {
        String m = s.attributes().get("model_evaluations");
        return m == null ? -1 : Long.parseLong(m);
    }

    private void writeMetrics(Map<String, Object> metrics) throws IOException {
        try (Writer w = Files.newBufferedWriter(out.resolve(METRICS_JSON)); JsonGenerator g = JsonOutput.generator(w)) {
            EvalCommand.writeJson(g, metrics);
            g.writeRaw('\n');
        }
    }
}
