package io.pitaj.activities.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pitaj.activities.provenance.ArtifactRef;
import io.pitaj.activities.provenance.ProvenanceRecord;
import io.pitaj.activities.report.ReportWriter;
import io.pitaj.activities.report.RunReport;
import io.pitaj.activities.report.SampleSetPlots;
import io.pitaj.activities.store.SampleSet;
import io.pitaj.activities.store.SampleSetCodec;
import io.pitaj.models.artifact.ModelArtifact;
import io.pitaj.models.metrics.EffectiveSampleSize;
import io.pitaj.models.metrics.SampleComparison;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.models.targets.Target;
import io.pitaj.models.train.LossCurve;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@link EvaluationActivities}: {@code pita eval}'s table and {@code pita plot}'s plots per rung, and the run report. */
public final class EvaluationStages implements EvaluationActivities {
    public static final String METRICS = "metrics.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PipelineEnvironment env;

    public EvaluationStages(PipelineEnvironment env) { this.env = env; }

    @Override
    public StageResult evaluate(RunRequest run, int rung, ArtifactRef samples, ArtifactRef reference, ArtifactRef model) {
        SystemInfo<?> info = env.system(run);
        String stage = "rung-" + rung + "/evaluate";
        List<ArtifactRef> inputs = new ArrayList<>(List.of(samples));
        if (reference != null) inputs.add(reference);
        if (model != null) inputs.add(model);
        return env.runner().run(StageContext.ofActivity(), run, stage, rung, "evaluate", "pita eval + pita plot", run.spec().seed(), inputs, w -> {
            SampleSet set = SampleSetCodec.read(w.input(samples, "samples.arrow"));
            SampleSet ref = reference == null ? null : SampleSetCodec.read(w.input(reference, "reference.arrow"));
            LossCurve loss = model == null ? null
                    : ModelArtifact.lossCurve(Zips.unzip(w.input(model, TrainingStages.MODEL_ZIP), w.scratch().resolve("model")));
            Map<String, Object> table = new LinkedHashMap<>();
            try (Target target = info.create(TargetOptions.DEFAULTS)) {
                if (ref != null) {
                    table.putAll(SampleComparison.compare(target, set.temperature(), set(set), set(ref), run.spec().seed(), -1));
                } else {
                    table.put("ess", EffectiveSampleSize.kish(set.logWeight()));
                }
                Path plots = Files.createDirectories(w.outputs().resolve("plots"));
                SampleSetPlots.render(plots, target, set, ref, loss);
            }
            Files.writeString(w.outputs().resolve(METRICS), JSON.writeValueAsString(table));
            return new StageRunner.Outcome(0, 0, flat(table));
        });
    }

    @Override
    public StageResult report(RunRequest run, List<StageResult> stages) {
        SystemInfo<?> info = env.system(run);
        List<ArtifactRef> inputs = stages.stream().map(StageResult::provenance).toList();
        return env.runner().run(StageContext.ofActivity(), run, "report", null, "report", "report.md + report.html", run.spec().seed(), inputs, w -> {
            Path dir = w.outputs();
            List<RunReport.Rung> rungs = new ArrayList<>();
            List<RunReport.Plot> plots = new ArrayList<>();
            Map<String, SampleSet> ladder = new LinkedHashMap<>();
            SampleSet reference = null;
            for (StageResult s : stages) {
                if (!s.stage().endsWith("/evaluate")) continue;
                int rung = Integer.parseInt(s.stage().substring("rung-".length(), s.stage().indexOf('/')));
                ProvenanceRecord record = record(s);
                SampleSet set = SampleSetCodec.read(w.input(record.inputs().get(0), "rung-" + rung + ".arrow"));
                double t = run.spec().ladder().get(rung);
                ladder.put("rung " + rung + ", T = " + ReportWriter.number(t), set);
                if (record.inputs().size() > 1 && rung == run.spec().rungs() - 1 && reference == null) {
                    reference = SampleSetCodec.read(w.input(record.inputs().get(1), "reference.arrow"));
                }
                Map<String, Object> metrics = metricsOf(s);
                rungs.add(new RunReport.Rung("rung " + rung, t, set.count(), EffectiveSampleSize.kish(set.logWeight()), rungEvaluations(stages, rung), metrics));
                for (ArtifactRef o : s.outputs()) {
                    if (!o.uri().endsWith(".png")) continue;
                    String name = "rung-" + rung + "/" + o.uri().substring(o.uri().lastIndexOf('/') + 1);
                    Files.createDirectories(dir.resolve("rung-" + rung));
                    env.runner().store().get(o, dir.resolve(name));
                    plots.add(new RunReport.Plot(name, "Rung " + rung + " (T = " + ReportWriter.number(t) + "): " + caption(name)));
                }
            }
            try (Target target = info.create(TargetOptions.DEFAULTS)) {
                plots.add(0, SampleSetPlots.ladderEnergies(dir, target, ladder, reference));
            }
            List<RunReport.Stage> stageRows = new ArrayList<>();
            List<RunReport.Provenance> provenance = new ArrayList<>();
            for (StageResult s : stages) {
                stageRows.add(new RunReport.Stage(s.stage() + (s.cached() ? " (reused)" : ""), s.seconds(), s.energyEvaluations(), s.modelEvaluations()));
                provenance.add(new RunReport.Provenance(s.stage(), "provenance", s.provenance()));
                for (ArtifactRef o : s.outputs()) if (!o.uri().endsWith(".png")) provenance.add(new RunReport.Provenance(s.stage(), "output", o));
            }
            String summary = String.format(Locale.ROOT, "Run %s: preset %s, %s, ladder %s (%d rungs), seed %d.", run.runId(), run.spec().name(), info.name(),
                    run.spec().ladder(), run.spec().rungs(), run.spec().seed());
            ReportWriter.write(new RunReport("PITA run " + run.runId(), summary, rungs, plots, stageRows, provenance), dir);
            Map<String, Object> finalMetrics = rungs.isEmpty() ? Map.of() : rungs.get(rungs.size() - 1).metrics();
            Files.writeString(dir.resolve(METRICS), JSON.writeValueAsString(finalMetrics));
            long total = stages.stream().mapToLong(StageResult::energyEvaluations).sum();
            Map<String, Double> headline = new LinkedHashMap<>(flat(finalMetrics));
            headline.put("run_energy_evaluations", (double) total);
            return new StageRunner.Outcome(0, 0, headline);
        });
    }

    private ProvenanceRecord record(StageResult s) {
        return ProvenanceRecord.fromJson(new String(env.runner().store().getBytes(s.provenance()), StandardCharsets.UTF_8));
    }

    private Map<String, Object> metricsOf(StageResult s) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(env.runner().store().getBytes(s.output(METRICS)));
        Map<String, Object> m = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isArray()) {
                double[] v = new double[e.getValue().size()];
                for (int i = 0; i < v.length; i++) v[i] = e.getValue().get(i).asDouble();
                m.put(e.getKey(), v);
            } else {
                m.put(e.getKey(), e.getValue().asDouble());
            }
        });
        return m;
    }

    /** Target evaluations that made rung {@code rung}'s samples (its hot data, or the anneal and relax into it). */
    private static long rungEvaluations(List<StageResult> stages, int rung) {
        String prefix = rung == 0 ? "hot/" : "rung-" + rung + "/";
        return stages.stream().filter(s -> s.stage().startsWith(prefix)).mapToLong(StageResult::energyEvaluations).sum();
    }

    /** Scalars as they are, arrays (mode masses) as key_i, for provenance headlines. */
    static Map<String, Double> flat(Map<String, Object> table) {
        Map<String, Double> out = new LinkedHashMap<>();
        table.forEach((k, v) -> {
            if (v instanceof double[] a) for (int i = 0; i < a.length; i++) out.put(k + "_" + i, a[i]);
            else out.put(k, ((Number) v).doubleValue());
        });
        return out;
    }

    private static String caption(String file) {
        String f = file.substring(file.indexOf('/') + 1).replace(".png", "");
        return switch (f) {
            case "energy" -> "energy histogram";
            case "distances" -> "interatomic distances";
            case "scatter" -> "samples over the exact density's contours";
            case "smc-trace" -> "ESS and log Ẑ over the SMC steps of the annealing into this rung";
            case "training-loss" -> "training loss of the model that made this rung";
            default -> f.startsWith("ramachandran") ? "Ramachandran free energy" : f;
        };
    }

    private static SampleComparison.Set set(SampleSet s) { return new SampleComparison.Set(s.x(), s.logWeight(), s.energy()); }
}
