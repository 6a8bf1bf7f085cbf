package io.pitaj.worker;

import static org.junit.jupiter.api.Assertions.*;

import io.pitaj.activities.store.SampleSet;
import io.pitaj.activities.store.SampleSetCodec;
import io.pitaj.models.targets.GaussianMixture40;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pita sample exact}: exact GMM-40 draws with their energies and forces, and its refusals. */
class SampleCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesExactSamplesWithEnergiesAndForces() {
        Path out = dir.resolve("gmm40.arrow");
        Cli.Result r = Cli.run("sample", "exact", "--system", "gmm40", "--count", "500", "--out", out.toString(), "--seed", "3");
        assertEquals(0, r.exitCode(), r.err());
        SampleSet s = SampleSetCodec.read(out);
        assertEquals("gmm40", s.system());
        assertEquals(1.0, s.temperature());
        assertEquals(500, s.count());
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
    void refusesSystemsWithoutAnExactSamplerExistingFilesAndUnknownModes() throws Exception {
        Path out = dir.resolve("x.arrow");
        Cli.Result lj = Cli.run("sample", "exact", "--system", "lj13", "--out", out.toString());
        assertEquals(2, lj.exitCode());
        assertTrue(lj.err().contains("has no exact sampler"), lj.err());
        Files.writeString(out, "mine");
        Cli.Result exists = Cli.run("sample", "exact", "--system", "gmm40", "--out", out.toString());
        assertEquals(2, exists.exitCode());
        assertTrue(exists.err().contains("already exists"), exists.err());
        assertEquals("mine", Files.readString(out));
        Cli.Result mode = Cli.run("sample", "mcmc", "--system", "gmm40", "--out", dir.resolve("y.arrow").toString());
        assertEquals(2, mode.exitCode());
        assertTrue(mode.err().contains("available: exact"), mode.err());
    }
}
