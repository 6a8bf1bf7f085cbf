package io.pitaj.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pitaj.models.systems.ConfigurationBatch;
import io.pitaj.models.forcefield.NonbondedCutoff;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.models.targets.EnergyUnit;
import io.pitaj.models.targets.Target;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnergyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void energiesAndForcesOfEveryFrameMatchTheTarget() throws Exception {
        int frames = 5;
        ConfigurationBatch batch = Cli.CATALOG.get("lj13").sampleBatch(TargetOptions.DEFAULTS, frames, 4);
        Target lj = batch.target();
        Path input = Cli.file(dir, "lj.xyz", Cli.xyz(batch.x(), frames, 3, Collections.nCopies(13, "Ar"), 1.0));
        double[] energies = new double[frames], grad = new double[frames * lj.dimension()];
        lj.energies(batch.x(), frames, energies, grad);

        Cli.Result r = Cli.run("energy", "--system", "lj13", "--input", input.toString(), "--forces", "--temperature", "1.5");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.outLines();
        assertEquals(frames, lines.size());
        for (int f = 0; f < frames; f++) {
            JsonNode o = JSON.readTree(lines.get(f));
            assertEquals(f, o.get("frame").asInt());
            assertEquals(energies[f], o.get("energy").asDouble(), 0.0);
            assertEquals("reduced", o.get("unit").asText());
            assertEquals(energies[f] / 1.5, o.get("reduced_energy").asDouble(), 0.0);
            JsonNode forces = o.get("forces");
            assertEquals(13, forces.size());
            for (int a = 0; a < 13; a++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(-grad[f * 39 + 3 * a + c], forces.get(a).get(c).asDouble(), 0.0);
                }
            }
        }
    }

    @Test
    void withoutOptionsOnlyEnergiesArePrinted() throws Exception {
        Path input = Cli.file(dir, "gmm.xyz", "1\nmode\nX -0.299472809 21.4577446 0\n");
        Cli.Result r = Cli.run("energy", "--system", "gmm40", "--input", input.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode o = JSON.readTree(r.out());
        assertFalse(o.has("forces"));
        assertFalse(o.has("reduced_energy"));
        double peak = 1.0 / (40 * 2 * Math.PI * Math.pow(Math.log1p(Math.E), 2));
        assertEquals(-Math.log(peak), o.get("energy").asDouble(), 1e-9);
    }

    @Test
    void twoDimensionalForcesHaveTwoComponents() throws Exception {
        Path input = Cli.file(dir, "dw.xyz", "4\nsquare\nA 0 0 0\nA 4 0 0.0\nB 4 4 -0\nC 0 4 0e0\n");
        Cli.Result r = Cli.run("energy", "--system", "dw4", "--input", input.toString(), "--forces");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode forces = JSON.readTree(r.out()).get("forces");
        assertEquals(4, forces.size());
        assertEquals(2, forces.get(0).size());
        // the square's diagonals pull the corners outwards symmetrically
        assertEquals(-forces.get(0).get(0).asDouble(), forces.get(2).get(0).asDouble(), 1e-12);
    }

    @Test
    void molecularInputIsInAngstromAndForcesInKilojoulesPerMoleAndNanometre() throws Exception {
        Path input = Cli.file(dir, "oh.xyz", "2\nwater-ish\nO 0.1 -0.2 0.3\nh 1.5 0.1 -0.2\n");
        double[] nm = {0.1 * 0.1, -0.2 * 0.1, 0.3 * 0.1, 1.5 * 0.1, 0.1 * 0.1, -0.2 * 0.1};
        HarmonicDiatomic oh = new HarmonicDiatomic(NonbondedCutoff.NONE);
        double[] energy = new double[1], grad = new double[6];
        oh.energies(nm, 1, energy, grad);

        Cli.Result r = Cli.run("energy", "--system", "oh", "--input", input.toString(), "--forces", "--temperature", "300");

        assertEquals(0, r.exitCode(), r.err());
        JsonNode o = JSON.readTree(r.out());
        assertTrue(energy[0] > 1, "the bond is stretched");
        assertEquals(energy[0], o.get("energy").asDouble(), 0.0);
        assertEquals("kJ/mol", o.get("unit").asText());
        assertEquals(energy[0] / EnergyUnit.KJ_PER_MOL.kT(300), o.get("reduced_energy").asDouble(), 0.0);
        for (int k = 0; k < 6; k++) assertEquals(-grad[k], o.get("forces").get(k / 3).get(k % 3).asDouble(), 0.0);
    }

    @Test
    void cutoffChoiceReachesTheTarget() throws Exception {
        Path input = Cli.file(dir, "far.xyz", "2\n25 Å apart\nO 0 0 0\nH 25 0 0\n");
        double none = energy(Cli.run("energy", "--system", "oh", "--input", input.toString(), "--cutoff", "none"));
        double pita = energy(Cli.run("energy", "--system", "oh", "--input", input.toString(), "--cutoff", "PITA"));
        double byDefault = energy(Cli.run("energy", "--system", "oh", "--input", input.toString()));
        assertEquals(0.5 * HarmonicDiatomic.K * 2.4 * 2.4, none, 1e-9);
        assertEquals(0.0, pita);
        assertEquals(none, byDefault);
    }

    private static double energy(Cli.Result r) throws Exception {
        assertEquals(0, r.exitCode(), r.err());
        return JSON.readTree(r.out()).get("energy").asDouble();
    }
}
