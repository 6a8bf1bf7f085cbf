package io.pitaj.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pita eval}: the metric keys that apply to a system, exact values on self-comparison, and refusals. */
class EvalCommandTest {
    @TempDir
    Path dir;

    private Path sample(String system, String method, String temperature, int n, long seed) {
        Path out = dir.resolve(system + "-" + method + "-T" + temperature + "-" + seed + ".arrow");
        Cli.Result r = Cli.run("sample", "--system", system, "--method", method, "--temperature", temperature, "--samples", Integer.toString(n),
                "--chains", "8", "--warmup", "50", "--thin", "2", "--out", out.toString(), "--seed", Long.toString(seed));
        assertEquals(0, r.exitCode(), r.err());
        return out;
    }

    private static JsonNode json(Cli.Result r) throws Exception {
        assertEquals(0, r.exitCode(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void aMixtureSetAgainstItselfScoresZeroAndItsModeMassesAreReported() throws Exception {
        // 800 draws: below the exact-OT size limit, so sample_w2 compares the whole set with itself
        Path a = sample("mog4", "exact", "1", 800, 1);
        JsonNode self = json(Cli.run("eval", "--samples", a.toString(), "--reference", a.toString(), "--json"));
        assertEquals(0, self.get("energy_w1").asDouble(), 1e-12);
        assertEquals(0, self.get("energy_w2").asDouble(), 1e-12);
        assertEquals(0, self.get("sample_w2").asDouble(), 1e-12);
        assertEquals(800, self.get("ess").asDouble(), 1e-6);
        assertFalse(self.has("distance_w2"), "one particle has no pair distances");
        assertFalse(self.has("torus_w2") || self.has("rama_kl") || self.has("tica_w2") || self.has("chirality_l_fraction"));
        // exact draws against the quadrature masses, within Monte-Carlo error of 800 draws
        JsonNode m = self.get("mode_masses"), e = self.get("mode_masses_exact");
        for (int k = 0; k < 4; k++) {
            double p = e.get(k).asDouble();
            assertEquals(p, m.get(k).asDouble(), 4 * Math.sqrt(p * (1 - p) / 800), "mode " + k);
        }
        double tv = 0;
        for (int k = 0; k < 4; k++) tv += 0.5 * Math.abs(m.get(k).asDouble() - e.get(k).asDouble());
        assertEquals(tv, self.get("mode_mass_tv").asDouble(), 1e-12);
    }

    @Test
    void particleSystemsGetDistanceW2AndPeptidesTheirTorsionMetrics() throws Exception {
        Path a = sample("lj13", "mala", "4", 64, 1), b = sample("lj13", "mala", "4", 64, 2);
        JsonNode lj = json(Cli.run("eval", "--samples", a.toString(), "--reference", b.toString(), "--json"));
        assertTrue(lj.get("distance_w2").asDouble() > 0);
        assertFalse(lj.has("mode_masses") || lj.has("torus_w2"));
        Path p = sample("aldp", "md", "1200", 16, 1);
        JsonNode aldp = json(Cli.run("eval", "--samples", p.toString(), "--reference", p.toString(), "--json"));
        assertEquals(0, aldp.get("torus_w2").asDouble(), 1e-12);
        assertEquals(0, aldp.get("rama_kl").asDouble(), 1e-12);
        assertEquals(1, aldp.get("chirality_l_fraction").asDouble(), 0, "MD keeps L-alanine L");
        assertEquals(0, aldp.get("chirality_d_count").asDouble(), 0, "no D centre flagged");
        assertTrue(aldp.get("energy_evaluations").asDouble() > 0, "the MD budget from the set's attributes");
        assertEquals(aldp.get("ess").asDouble() / aldp.get("energy_evaluations").asDouble(), aldp.get("ess_per_energy_evaluation").asDouble(), 1e-15);
        assertFalse(aldp.has("tica_w2"), "16 frames are too few for PITA's lag of 100");
    }

    @Test
    void mismatchedSetsAreOneLineAndExitCodeTwo() {
        Path mog = sample("mog4", "exact", "1", 100, 1), lj = sample("lj13", "mala", "4", 16, 1), lj3 = sample("lj13", "mala", "3", 16, 1);
        for (String[] args : new String[][] {
                {"eval", "--samples", mog.toString(), "--reference", lj.toString()},
                {"eval", "--samples", lj.toString(), "--reference", lj3.toString()},
                {"eval", "--samples", lj.toString(), "--reference", dir.resolve("missing.arrow").toString()}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.exitCode(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
        }
    }
}
