package io.pitaj.worker;

import static org.junit.jupiter.api.Assertions.*;

import io.pitaj.activities.store.SampleSet;
import io.pitaj.activities.store.SampleSetCodec;
import io.pitaj.models.systems.ConfigurationBatch;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.TargetOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code pita anneal}: Feynman–Kac SMC of the closed-form mog4 model and of a tiny trained LJ-13 model, and its refusals. */
class AnnealCommandTest {
    @TempDir
    Path dir;

    @TempDir
    static Path shared;

    private Cli.Result anneal(Path out, String... args) {
        List<String> all = new ArrayList<>(List.of("anneal"));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", out.toString()));
        return Cli.run(all.toArray(String[]::new));
    }

    private static double mean(double[] v) {
        double m = 0;
        for (double e : v) m += e / v.length;
        return m;
    }

    private static long count(Map<String, String> a, String key) {
        return Long.parseLong(a.get(key));
    }

    @Test
    void exactMog4ModelAnnealedByTwoWithoutClipping() {
        Path out = dir.resolve("mog4.arrow");
        Cli.Result r = anneal(out, "--exact-model", "mog4", "--gamma", "2", "--particles", "500", "--steps", "100", "--clip", "off");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("wrote 500 annealed samples of mog4 at T = 0.5"), r.out());
        assertTrue(r.err().contains("anneal: step 100/100"), r.err());
        SampleSet s = SampleSetCodec.read(out);
        assertEquals("mog4", s.system());
        assertEquals(0.5, s.temperature());
        assertEquals(500, s.count());
        assertEquals("pita anneal", s.producer());
        Map<String, String> a = s.attributes();
        assertEquals("fk-smc", a.get("method"));
        assertEquals("exact", a.get("weights"));
        assertEquals("off", a.get("clipping"));
        assertEquals("2.0", a.get("gamma"));
        assertEquals("100", a.get("steps"));
        assertEquals("systematic", a.get("resampler"));
        assertEquals("every step until 90", a.get("resampling"), "0.9 K for a non-peptide system");
        assertEquals("false", a.get("final_snis"), "final SNIS is on by default only for LJ systems");
        assertEquals("none", a.get("relaxation"));
        assertEquals(500L * 100, count(a, "model_evaluations"));
        assertEquals(0, count(a, "target_energy_evaluations") + count(a, "target_force_evaluations"), "the exact weights need no target");
        assertEquals(0, count(a, "dropped_non_finite"));
        double ess = Double.parseDouble(a.get("final_ess"));
        assertTrue(ess > 0 && ess <= 500 + 1e-6, "final ESS " + ess);
        assertTrue(Double.isFinite(Double.parseDouble(a.get("log_normaliser"))));
        SampleCommandTest.assertMatchesTarget(s, "mog4");

        // at T = 0.5 the samples sit deeper in the wells than exact draws at T = 1: ⟨E⟩ drops by about d/2 · ΔT = 0.5
        Path exact = dir.resolve("exact.arrow");
        assertEquals(0, Cli.run("sample", "--system", "mog4", "--samples", "500", "--out", exact.toString(), "--seed", "9").exitCode());
        double hot = mean(SampleSetCodec.read(exact).energy()), cold = mean(s.energy());
        assertTrue(cold < hot - 0.2, "annealed ⟨E⟩ " + cold + " vs exact T = 1 ⟨E⟩ " + hot);
    }

    @ParameterizedTest
    @ValueSource(strings = {"snis", "hutchinson:2", "none", "exact"})
    void everyWeightEstimatorRuns(String weights) {
        Path out = dir.resolve("w.arrow");
        Cli.Result r = anneal(out, "--exact-model", "mog4", "--gamma", "2", "--particles", "64", "--steps", "10", "--weights", weights,
                "--resampler", "multinomial", "--seed", "5");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("weights " + weights), r.out());
        SampleSet s = SampleSetCodec.read(out);
        assertEquals(64, s.count());
        assertEquals(0.5, s.temperature());
        Map<String, String> a = s.attributes();
        assertEquals(weights, a.get("weights"));
        assertEquals("0.9", a.get("clipping"), "the reference's default");
        assertEquals("multinomial", a.get("resampler"));
        assertTrue(count(a, "model_evaluations") >= 64L * 10, a.toString());
        if (weights.equals("snis")) assertEquals(64, count(a, "target_energy_evaluations"), "one target energy per particle for the final weights");
        if (weights.equals("none")) assertEquals(0.0, Double.parseDouble(a.get("log_normaliser")), "score scaling estimates nothing");
        SampleCommandTest.assertMatchesTarget(s, "mog4");
    }

    @Test
    void essThresholdKeepsTheWeightsToTheEnd() {
        Path out = dir.resolve("ess.arrow");
        Cli.Result r = anneal(out, "--exact-model", "mog4", "--gamma", "2", "--particles", "200", "--steps", "20", "--ess-threshold", "0.3",
                "--resampler", "stratified");
        assertEquals(0, r.exitCode(), r.err());
        SampleSet s = SampleSetCodec.read(out);
        Map<String, String> a = s.attributes();
        assertEquals("ESS below 0.3 N", a.get("resampling"));
        assertEquals("stratified", a.get("resampler"));
        double[] lw = s.logWeight();
        double max = Double.NEGATIVE_INFINITY, s1 = 0, s2 = 0;
        for (double v : lw) max = Math.max(max, v);
        for (double v : lw) {
            double w = Math.exp(v - max);
            s1 += w;
            s2 += w * w;
        }
        double ess = s1 * s1 / s2, recorded = Double.parseDouble(a.get("final_ess"));
        assertTrue(ess < 200 - 1e-6, "the last steps leave unequal weights: ESS " + ess);
        assertEquals(recorded, ess, 1e-6 * recorded, "final_ess is the ESS of the stored log weights");
    }

    @Test
    void relaxationAddsTargetEvaluationsAndIsRecorded() {
        Path plain = dir.resolve("plain.arrow"), relaxed = dir.resolve("relaxed.arrow");
        String[] common = {"--exact-model", "mog4", "--gamma", "2", "--particles", "50", "--steps", "10", "--seed", "3"};
        assertEquals(0, anneal(plain, common).exitCode());
        List<String> args = new ArrayList<>(List.of(common));
        args.addAll(List.of("--relax", "3", "--relax-method", "mala"));
        Cli.Result r = anneal(relaxed, args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("relax: 3 mala steps at T = 0.5"), r.err());
        Map<String, String> p = SampleSetCodec.read(plain).attributes();
        SampleSet s = SampleSetCodec.read(relaxed);
        Map<String, String> a = s.attributes();
        assertEquals("none", p.get("relaxation"));
        assertNotEquals("none", a.get("relaxation"));
        assertTrue(a.get("relaxation").startsWith("mala, 3 steps"), a.get("relaxation"));
        long before = count(p, "target_energy_evaluations") + count(p, "target_force_evaluations");
        long after = count(a, "target_energy_evaluations") + count(a, "target_force_evaluations");
        assertTrue(after >= before + 50L * 3, "relaxation costs ≥ one force call per particle and step: " + before + " → " + after);
        assertEquals(count(p, "model_evaluations"), count(a, "model_evaluations"), "relaxation calls no network");
        SampleCommandTest.assertMatchesTarget(s, "mog4");

        Path md = dir.resolve("md.arrow");
        args.set(args.size() - 1, "md");
        Cli.Result m = anneal(md, args.toArray(String[]::new));
        assertEquals(0, m.exitCode(), m.err());
        assertTrue(SampleSetCodec.read(md).attributes().get("relaxation").startsWith("md, 3 steps"));
    }

    @Test
    void anExplicitTemperatureWithinRoundingOfTheModelsOverGammaLabelsTheSet() {
        // PITA's ladders anneal by ratios of rounded β: 1 / 1.25 = 0.8, labelled 0.79 (1.25 % off) is accepted
        Path out = dir.resolve("t.arrow");
        Cli.Result r = anneal(out, "--exact-model", "mog4", "--gamma", "1.25", "--temperature", "0.79", "--particles", "16", "--steps", "4");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(0.79, SampleSetCodec.read(out).temperature());
    }

    /** A two-step EGNN trained on LJ-13 typical configurations (not Boltzmann samples: enough to make an artifact). */
    private static Path trainedModel(String... arch) {
        Path model = shared.resolve("run" + String.join("", arch)).resolve("model");
        if (Files.isDirectory(model)) return model;
        SystemInfo<?> info = Cli.CATALOG.get("lj13");
        ConfigurationBatch b = info.sampleBatch(TargetOptions.DEFAULTS, 16, 1);
        b.target().close();
        Path set = shared.resolve("lj13" + String.join("", arch) + ".arrow");
        SampleSetCodec.write(new SampleSet("lj13", 4, "reduced", List.of(), "test", 1, info.dimension(), b.x(), new double[16],
                new double[16], null), set);
        List<String> args = new ArrayList<>(List.of("train", "--system", "lj13", "--samples", set.toString(), "--temperature", "4",
                "--size", "small", "--batch", "8", "--threads", "1", "--steps", "2", "--out", model.getParent().toString()));
        args.addAll(List.of(arch));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        return model;
    }

    @Test
    void annealsATrainedModel() {
        Path out = dir.resolve("lj13.arrow");
        Cli.Result r = anneal(out, "--model", trainedModel().toString(), "--gamma", "1.5", "--particles", "16", "--steps", "5", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        SampleSet s = SampleSetCodec.read(out);
        assertEquals("lj13", s.system());
        assertEquals(4 / 1.5, s.temperature(), 1e-12);
        Map<String, String> a = s.attributes();
        assertTrue(a.get("model").contains("lj13 model at T = 4.0"), a.get("model"));
        assertEquals("true", a.get("final_snis"), "LJ systems resample against the target at the end by default");
        assertTrue(count(a, "model_evaluations") >= 16L * 5, a.toString());
        assertEquals(16, s.count() + count(a, "dropped_non_finite"));
        for (double e : s.energy()) assertTrue(Double.isFinite(e));
        SampleCommandTest.assertMeanFree(s, 13, 3);
    }

    @Test
    void annealsAnMlpModelOfAMeanFreeSystemKeepingItMeanFree() {
        Path out = dir.resolve("mlp.arrow");
        Cli.Result r = anneal(out, "--model", trainedModel("--arch", "mlp").toString(), "--gamma", "1.5", "--particles", "8", "--steps", "2");
        assertEquals(0, r.exitCode(), r.err());
        SampleSet s = SampleSetCodec.read(out);
        // the MLP sees flat vectors, yet lj13's samples stay mean-free: the layout comes from the system
        for (int i = 0; i < s.count(); i++) {
            for (int a = 0; a < 3; a++) {
                double mean = 0;
                for (int p = 0; p < 13; p++) mean += s.x()[i * 39 + 3 * p + a] / 13;
                assertEquals(0, mean, 1e-9);
            }
        }
    }

    static Stream<Arguments> badInputs() {
        String[] mog = {"--exact-model", "mog4", "--particles", "8", "--steps", "4"};
        return Stream.of(
                bad("gamma below 1", "--gamma must be at least 1, got 0.5", mog, "--gamma", "0.5"),
                bad("clip above 1", "--clip quantile must be in (0, 1], got 1.5", mog, "--gamma", "2", "--clip", "1.5"),
                bad("clip zero", "--clip quantile must be in (0, 1], got 0", mog, "--gamma", "2", "--clip", "0"),
                bad("clip not a number", "--clip takes off or a quantile in (0, 1], got 'abc'", mog, "--gamma", "2", "--clip", "abc"),
                bad("unknown estimator", "unknown weight estimator 'foo'; choose exact, hutchinson:P, snis or none", mog, "--gamma", "2",
                        "--weights", "foo"),
                bad("zero probes", "Hutchinson needs at least one probe, got 0", mog, "--gamma", "2", "--weights", "hutchinson:0"),
                bad("probe count not a number", "the probe count after 'hutchinson:' must be an integer", mog, "--gamma", "2",
                        "--weights", "hutchinson:x"),
                bad("unknown resampler", "unknown resampler 'foo'; choose systematic, multinomial, stratified or residual", mog,
                        "--gamma", "2", "--resampler", "foo"),
                bad("both schedules", "--resample-until and --ess-threshold exclude each other", mog, "--gamma", "2",
                        "--resample-until", "2", "--ess-threshold", "0.5"),
                bad("resample-until past the end", "--resample-until must be in [0, 4], got 5", mog, "--gamma", "2", "--resample-until", "5"),
                bad("ess threshold above 1", "--ess-threshold must be in (0, 1], got 1.5", mog, "--gamma", "2", "--ess-threshold", "1.5"),
                bad("zero particles", "--particles must be at least 1, got 0", new String[] {"--exact-model", "mog4", "--gamma", "2"},
                        "--particles", "0"),
                bad("zero steps", "--steps must be at least 1, got 0", new String[] {"--exact-model", "mog4", "--gamma", "2"}, "--steps", "0"),
                bad("zero chunk", "--chunk must be at least 1, got 0", mog, "--gamma", "2", "--chunk", "0"),
                bad("negative temperature", "--temperature must be positive, got -1.0", mog, "--gamma", "2", "--temperature", "-1"),
                bad("temperature that is not the model's / gamma", "--temperature 1.0 is not the model's temperature 1.0 / --gamma 2.0 = 0.5",
                        mog, "--gamma", "2", "--temperature", "1"),
                bad("not a mixture", "--exact-model needs a Gaussian mixture (mog4 or FILE.json); 'lj13' is not one",
                        new String[] {"--exact-model", "lj13"}, "--gamma", "2"),
                bad("unknown exact model", "unknown system 'mog5'", new String[] {"--exact-model", "mog5"}, "--gamma", "2"),
                bad("not a model directory", "cannot read the model artifact in " + shared, new String[] {"--model", shared.toString()},
                        "--gamma", "2"),
                bad("missing model directory", "cannot read the model artifact in " + shared.resolve("nope"),
                        new String[] {"--model", shared.resolve("nope").toString()}, "--gamma", "2"),
                bad("both sources", "are mutually exclusive", new String[] {"--model", shared.toString(), "--exact-model", "mog4"},
                        "--gamma", "2"),
                bad("no source", "Missing required argument", new String[0], "--gamma", "2"),
                bad("no gamma", "Missing required option: '--gamma", mog));
    }

    private static Arguments bad(String what, String expected, String[] source, String... rest) {
        List<String> args = new ArrayList<>(List.of(source));
        args.addAll(List.of(rest));
        return Arguments.of(what, expected, args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsExitTwoAndOneLineAndWritesNothing(String what, String expected, String[] args) {
        Path out = dir.resolve("bad.arrow");
        Cli.Result r = anneal(out, args);
        SampleCommandTest.assertOneLineError(r, expected);
        assertFalse(Files.exists(out), what + ": no output file");
    }

    @Test
    void anExistingOutputFileIsLeftUntouched() throws Exception {
        Path out = Files.writeString(dir.resolve("mine.arrow"), "mine");
        Cli.Result r = anneal(out, "--exact-model", "mog4", "--gamma", "2", "--particles", "8", "--steps", "4");
        SampleCommandTest.assertOneLineError(r, "already exists; choose another --out");
        assertEquals("mine", Files.readString(out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1:mala", "2:foo"})
    void badRelaxationOptionsAreRefusedBeforeAnnealing(String relax) {
        Path out = dir.resolve("relax.arrow");
        String[] stepsAndMethod = relax.split(":");
        Cli.Result r = anneal(out, "--exact-model", "mog4", "--gamma", "2", "--particles", "8", "--steps", "4",
                "--relax", stepsAndMethod[0], "--relax-method", stepsAndMethod[1]);
        SampleCommandTest.assertOneLineError(r, "--relax");
        assertFalse(Files.exists(out));
    }
}
