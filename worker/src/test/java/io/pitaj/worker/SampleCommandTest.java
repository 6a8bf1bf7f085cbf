package io.pitaj.worker;

import static org.junit.jupiter.api.Assertions.*;

import io.pitaj.activities.store.SampleSet;
import io.pitaj.activities.store.SampleSetCodec;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.models.targets.GaussianMixture40;
import io.pitaj.models.targets.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pita sample --method ...}: exact draws and every MCMC / dynamics sampler on small runs, and the refusals. */
class SampleCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesExactSamplesWithEnergiesAndForces() {
        Path out = dir.resolve("gmm40.arrow");
        Cli.Result r = Cli.run("sample", "--method", "exact", "--system", "gmm40", "--count", "500", "--out", out.toString(), "--seed", "3");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("wrote 500 samples of gmm40 at T = 1.0"), r.out());
        SampleSet s = SampleSetCodec.read(out);
        assertEquals("gmm40", s.system());
        assertEquals(1.0, s.temperature());
        assertEquals(500, s.count());
        assertEquals("exact", s.attributes().get("method"));
        assertEquals("0", s.attributes().get("target_force_evaluations"));
        assertEquals("0", s.attributes().get("dropped_non_finite"));
        try (GaussianMixture40 target = new GaussianMixture40()) {
            double[] e = new double[500], g = new double[1000];
            target.energies(s.x(), 500, e, g);
            assertArrayEquals(e, s.energy(), 0.0);
            for (int i = 0; i < g.length; i++) assertEquals(-g[i], s.force()[i], 0.0);
        }
        // the means sit in [−40, 40]² and the components are narrow: every draw lies near one
        for (double v : s.x()) assertTrue(Math.abs(v) < 50, "draw " + v);
    }

    @Test
    void exactIsTheDefaultMethodAndSamplesIsTheLongName() {
        Path out = dir.resolve("mog4.arrow");
        Cli.Result r = Cli.run("sample", "--system", "mog4", "--samples", "40", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        SampleSet s = SampleSetCodec.read(out);
        assertEquals(40, s.count());
        assertEquals("exact", s.attributes().get("method"));
    }

    @Test
    void refusesSystemsWithoutAnExactSamplerExistingFilesAndUnknownMethods() throws Exception {
        Path out = dir.resolve("x.arrow");
        Cli.Result lj = Cli.run("sample", "--method", "exact", "--system", "lj13", "--out", out.toString());
        assertOneLineError(lj, "has no exact sampler; use --method mala, hmc, nuts, md or pt");
        assertFalse(Files.exists(out));
        Files.writeString(out, "mine");
        Cli.Result exists = Cli.run("sample", "--method", "exact", "--system", "gmm40", "--out", out.toString());
        assertOneLineError(exists, "already exists");
        assertEquals("mine", Files.readString(out));
        Cli.Result mala = Cli.run("sample", "--method", "mala", "--system", "mog4", "--samples", "8", "--chains", "2", "--out", out.toString());
        assertOneLineError(mala, "already exists");
        assertEquals("mine", Files.readString(out));
        Path y = dir.resolve("y.arrow");
        Cli.Result method = Cli.run("sample", "--method", "mcmc", "--system", "gmm40", "--out", y.toString());
        assertOneLineError(method, "unknown --method 'mcmc'; choose exact, mala, hmc, nuts, md, pt");
        Cli.Result positional = Cli.run("sample", "exact", "--system", "gmm40", "--out", y.toString());
        assertEquals(2, positional.exitCode(), "the old positional syntax is gone");
        Cli.Result hot = Cli.run("sample", "--method", "exact", "--system", "gmm40", "--temperature", "2", "--out", y.toString());
        assertOneLineError(hot, "exact samples exist only at T = 1.0 for gmm40");
        Cli.Result zero = Cli.run("sample", "--method", "mala", "--system", "mog4", "--samples", "0", "--out", y.toString());
        assertOneLineError(zero, "--samples must be at least 1, got 0");
        Cli.Result cold = Cli.run("sample", "--method", "mala", "--system", "mog4", "--temperature", "-1", "--out", y.toString());
        assertOneLineError(cold, "--temperature must be positive, got -1.0");
        Cli.Result chains = Cli.run("sample", "--method", "hmc", "--system", "mog4", "--samples", "4", "--chains", "8", "--out", y.toString());
        assertOneLineError(chains, "--chains (8) may not exceed --samples (4)");
        Cli.Result thin = Cli.run("sample", "--method", "hmc", "--system", "mog4", "--samples", "4", "--chains", "2", "--thin", "0",
                "--out", y.toString());
        assertOneLineError(thin, "--chains and --thin must be at least 1");
        Cli.Result rungs = Cli.run("sample", "--method", "pt", "--system", "mog4", "--samples", "4", "--chains", "2", "--rungs", "1",
                "--out", y.toString());
        assertOneLineError(rungs, "--rungs must be at least 2");
        Cli.Result hottest = Cli.run("sample", "--method", "pt", "--system", "mog4", "--samples", "4", "--chains", "2",
                "--max-temperature", "0.5", "--out", y.toString());
        assertOneLineError(hottest, "--max-temperature must exceed the temperature 1.0");
        Cli.Result kernel = Cli.run("sample", "--method", "pt", "--system", "mog4", "--samples", "4", "--chains", "2",
                "--pt-kernel", "gibbs", "--out", y.toString());
        assertOneLineError(kernel, "--pt-kernel must be mala or md, got 'gibbs'");
        Cli.Result dir404 = Cli.run("sample", "--system", "mog4", "--out", dir.resolve("no/such/dir.arrow").toString());
        assertOneLineError(dir404, "does not exist");
        assertFalse(Files.exists(y), "no refused run leaves a file");
    }

    @Test
    void malaOnLj13WritesMeanFreeSamplesWithTheTargetsEnergiesAndForces() {
        Path out = dir.resolve("mala.arrow");
        Cli.Result r = Cli.run("sample", "--method", "mala", "--system", "lj13", "--temperature", "4", "--samples", "48",
                "--chains", "8", "--warmup", "60", "--thin", "2", "--out", out.toString(), "--seed", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("wrote 48 samples of lj13 at T = 4.0"), r.out());
        assertTrue(r.err().contains("sample mala: step"), "progress on stderr: " + r.err());
        SampleSet s = SampleSetCodec.read(out);
        assertEquals("lj13", s.system());
        assertEquals(4.0, s.temperature());
        assertEquals(48, s.count());
        assertEquals(39, s.dim());
        Map<String, String> a = s.attributes();
        assertEquals("mala", a.get("method"));
        assertEquals("8", a.get("chains"));
        assertEquals("60", a.get("warmup"));
        assertEquals("2", a.get("thinning"));
        assertEquals("0", a.get("dropped_non_finite"));
        assertEquals("0", a.get("model_evaluations"));
        // 8 chains × (60 warm-up + 6 samples × 2) moves, one force call each, plus the starting configurations
        long forces = Long.parseLong(a.get("target_force_evaluations"));
        assertTrue(forces >= 8L * (60 + 12), "force evaluations " + forces);
        double acceptance = Double.parseDouble(a.get("acceptance"));
        assertTrue(acceptance > 0.05 && acceptance <= 1, "acceptance " + acceptance);
        assertTrue(Double.parseDouble(a.get("step_size_median")) > 0);
        assertMatchesTarget(s, "lj13");
        for (double lw : s.logWeight()) assertEquals(0.0, lw);
        assertMeanFree(s, 13, 3);
        // at T = 4 a 13-atom LJ cluster stays bound: no pair collapses, nothing flies off
        for (double e : s.energy()) assertTrue(e < 0 && e > -45, "energy " + e);
    }

    @Test
    void theSameSeedGivesTheSameSamplesAndAnotherSeedOthers() {
        double[][] x = new double[3][];
        long[] seeds = {7, 7, 8};
        for (int i = 0; i < 3; i++) {
            Path out = dir.resolve("seed" + i + ".arrow");
            Cli.Result r = Cli.run("sample", "--method", "mala", "--system", "dw4", "--samples", "16", "--chains", "4",
                    "--warmup", "20", "--thin", "2", "--out", out.toString(), "--seed", Long.toString(seeds[i]));
            assertEquals(0, r.exitCode(), r.err());
            x[i] = SampleSetCodec.read(out).x();
        }
        assertArrayEquals(x[0], x[1], 0.0);
        assertFalse(Arrays.equals(x[0], x[2]), "seed 8 gives other samples than seed 7");
    }

    @Test
    void hmcOnMog4() {
        SampleSet s = chainRun("hmc", "mog4", "--leapfrog", "5");
        assertEquals(1.0, s.temperature());
        assertMatchesTarget(s, "mog4");
        // mog4's modes sit within a few units of the origin
        for (double v : s.x()) assertTrue(Math.abs(v) < 15, "sample " + v);
        long forces = Long.parseLong(s.attributes().get("target_force_evaluations"));
        assertTrue(forces >= 4L * (30 + 16) * 5, "5 leapfrog steps per move: " + forces);
    }

    @Test
    void nutsOnDw4() {
        SampleSet s = chainRun("nuts", "dw4");
        assertMatchesTarget(s, "dw4");
        assertMeanFree(s, 4, 2);
        assertTrue(Long.parseLong(s.attributes().get("target_force_evaluations")) >= 4L * (30 + 16), s.attributes().toString());
    }

    @Test
    void langevinMdOnDw4RecordsTheKineticTemperature() {
        Path out = dir.resolve("md.arrow");
        Cli.Result r = Cli.run("sample", "--method", "md", "--system", "dw4", "--samples", "64", "--chains", "8",
                "--warmup", "600", "--thin", "20", "--out", out.toString(), "--seed", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Langevin MD, kinetic temperature"), r.out());
        SampleSet s = SampleSetCodec.read(out);
        Map<String, String> a = s.attributes();
        assertEquals("md", a.get("method"));
        assertEquals("true", a.get("minimised"));
        assertEquals("0.005", a.get("time_step"));
        assertEquals("1.0", a.get("friction"));
        double kinetic = Double.parseDouble(a.get("kinetic_temperature"));
        assertEquals(1.0, kinetic, 0.3, "equilibrated dynamics at T = 1 have kinetic temperature near 1");
        assertEquals(64, s.count());
        assertMatchesTarget(s, "dw4");
        assertMeanFree(s, 4, 2);
        assertTrue(Long.parseLong(a.get("target_force_evaluations")) >= 8L * (600 + 160));
    }

    @Test
    void mdWithoutMinimisationOnLj13() {
        Path out = dir.resolve("md-lj.arrow");
        Cli.Result r = Cli.run("sample", "--method", "md", "--system", "lj13", "--temperature", "4", "--samples", "16", "--chains", "4",
                "--warmup", "20", "--thin", "5", "--no-minimise", "--step", "0.002", "--friction", "2", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        SampleSet s = SampleSetCodec.read(out);
        Map<String, String> a = s.attributes();
        assertEquals("false", a.get("minimised"));
        assertEquals("0.002", a.get("time_step"));
        assertEquals("2.0", a.get("friction"));
        double kinetic = Double.parseDouble(a.get("kinetic_temperature"));
        assertTrue(kinetic > 0 && Double.isFinite(kinetic), "kinetic temperature " + kinetic);
        assertMatchesTarget(s, "lj13");
        assertMeanFree(s, 13, 3);
    }

    @Test
    void replicaExchangeOnMog4RecordsTheLadderAndSwapAcceptance() {
        Path out = dir.resolve("pt.arrow");
        Cli.Result r = Cli.run("sample", "--method", "pt", "--system", "mog4", "--samples", "32", "--chains", "4",
                "--warmup", "10", "--thin", "2", "--rungs", "3", "--swap-every", "5", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("replica exchange over 3 rungs"), r.out());
        SampleSet s = SampleSetCodec.read(out);
        assertEquals(1.0, s.temperature(), "the cold rung is the output");
        Map<String, String> a = s.attributes();
        assertEquals("pt", a.get("method"));
        assertEquals("mala", a.get("pt_kernel"));
        assertEquals("[1.0, 2.0, 4.0]", a.get("ladder"), "geometric ladder from T to the default 4 T");
        double[] swaps = list(a.get("swap_acceptance"));
        assertEquals(2, swaps.length, a.get("swap_acceptance"));
        for (double v : swaps) assertTrue(v >= 0 && v <= 1, "swap acceptance " + v);
        assertTrue(swaps[0] + swaps[1] > 0, "neighbouring rungs a factor 2 apart on a 2-D mixture do swap");
        assertMatchesTarget(s, "mog4");
        // 3 rungs × 4 chains × (10 + 16 rounds) × 5 moves
        assertTrue(Long.parseLong(a.get("target_force_evaluations")) >= 3L * 4 * 26 * 5, a.toString());
    }

    @Test
    void replicaExchangeWithMdMovesAndAnExplicitLadder() {
        Path out = dir.resolve("pt-md.arrow");
        Cli.Result r = Cli.run("sample", "--method", "pt", "--pt-kernel", "md", "--system", "mog4", "--samples", "8", "--chains", "4",
                "--warmup", "4", "--thin", "1", "--rungs", "2", "--max-temperature", "3", "--swap-every", "2", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        Map<String, String> a = SampleSetCodec.read(out).attributes();
        assertEquals("md", a.get("pt_kernel"));
        assertEquals("[1.0, 3.0]", a.get("ladder"));
        assertEquals(1, list(a.get("swap_acceptance")).length);
    }

    private SampleSet chainRun(String method, String system, String... extra) {
        Path out = dir.resolve(method + "-" + system + ".arrow");
        List<String> args = new ArrayList<>(List.of("sample", "--method", method, "--system", system, "--samples", "32", "--chains", "4",
                "--warmup", "30", "--thin", "2", "--out", out.toString(), "--seed", "4"));
        args.addAll(List.of(extra));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains(method + ", acceptance"), r.out());
        SampleSet s = SampleSetCodec.read(out);
        assertEquals(system, s.system());
        assertEquals(32, s.count());
        assertEquals(method, s.attributes().get("method"));
        double acceptance = Double.parseDouble(s.attributes().get("acceptance"));
        assertTrue(acceptance > 0.05 && acceptance <= 1, "acceptance " + acceptance);
        for (double lw : s.logWeight()) assertEquals(0.0, lw);
        return s;
    }

    /** Energies and forces in the set are the target's, E and −∇E, all finite. */
    static void assertMatchesTarget(SampleSet s, String system) {
        int n = s.count(), d = s.dim();
        try (Target target = Cli.CATALOG.get(system).create(TargetOptions.DEFAULTS)) {
            double[] e = new double[n], g = new double[n * d];
            target.energies(s.x(), n, e, g);
            for (int i = 0; i < n; i++) {
                assertTrue(Double.isFinite(s.energy()[i]), "energy " + i);
                assertEquals(e[i], s.energy()[i], 1e-9 * Math.max(1, Math.abs(e[i])), "energy " + i);
            }
            assertTrue(s.hasForce());
            for (int j = 0; j < g.length; j++) assertEquals(-g[j], s.force()[j], 1e-9 * Math.max(1, Math.abs(g[j])), "force " + j);
        }
    }

    /** Each sample's particles have their centre of mass (unit masses) at the origin. */
    static void assertMeanFree(SampleSet s, int particles, int spatial) {
        assertEquals(particles * spatial, s.dim());
        for (int i = 0; i < s.count(); i++) {
            double[] row = s.row(i);
            for (int c = 0; c < spatial; c++) {
                double mean = 0;
                for (int p = 0; p < particles; p++) mean += row[p * spatial + c] / particles;
                assertEquals(0, mean, 1e-9, "sample " + i + ", axis " + c);
            }
        }
    }

    static double[] list(String bracketed) {
        String inner = bracketed.strip();
        assertTrue(inner.startsWith("[") && inner.endsWith("]"), bracketed);
        return Arrays.stream(inner.substring(1, inner.length() - 1).split(",")).map(String::strip).mapToDouble(Double::parseDouble).toArray();
    }

    static void assertOneLineError(Cli.Result r, String expected) {
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.errLines().size(), "one line: " + r.err());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
    }
}
