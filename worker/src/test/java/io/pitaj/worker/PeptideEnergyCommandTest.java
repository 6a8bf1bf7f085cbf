package io.pitaj.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code pita energy} on a real peptide: the OpenMM reference conformations of ALDP (PITA setup) written as an XYZ
 * file in ångström come back with OpenMM's energies and forces, and the cutoff option shifts them by the constant
 * of forcefield.md §3.7.
 */
class PeptideEnergyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** E(no cutoff) − E(2 nm cutoff) of ALDP when all pairs are closer than 2 nm (forcefield.md §3.7), kJ/mol. */
    private static final double ALDP_CUTOFF_OFFSET = 19.248388752987;

    private static JsonNode reference;
    private static List<String> elements;

    @TempDir
    Path dir;

    @BeforeAll
    static void readReference() throws Exception {
        Path data = Path.of(System.getProperty("pita.shared.data"));
        reference = JSON.readTree(data.resolve("reference/aldp_amber14_obc1_pita.json").toFile());
        elements = new ArrayList<>();
        for (JsonNode atom : reference.get("atoms")) elements.add(atom.get("element").asText());
    }

    @Test
    void referenceEnergiesAndForcesOfEveryConformation() throws Exception {
        JsonNode conformations = reference.get("conformations");
        Path input = Cli.file(dir, "aldp.xyz", xyzAngstrom(conformations, elements));
        Cli.Result r = Cli.run("energy", "--system", "aldp", "--input", input.toString(), "--forces", "--temperature", "300");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.outLines();
        assertEquals(conformations.size(), lines.size());
        for (int f = 0; f < lines.size(); f++) {
            JsonNode out = JSON.readTree(lines.get(f)), ref = conformations.get(f);
            String id = ref.get("id").asText();
            assertEquals("kJ/mol", out.get("unit").asText());
            assertEquals(ref.get("energy_kj_mol").get("total").asDouble(), out.get("energy").asDouble(), 1e-4, id);
            assertEquals(ref.get("reduced_energy_300K").asDouble(), out.get("reduced_energy").asDouble(), 1e-6, id);
            JsonNode forces = ref.get("forces_kj_mol_nm");
            for (int a = 0; a < elements.size(); a++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(forces.get(a).get(c).asDouble(), out.get("forces").get(a).get(c).asDouble(), 1e-3, id + " atom " + a);
                }
            }
        }
    }

    @Test
    void withoutCutoffTheEnergyShiftsByTheCutoffConstant() throws Exception {
        JsonNode input = reference.get("conformations").get(0); // all pairs well inside 2 nm
        assertTrue(input.get("max_pair_distance_nm").asDouble() < 2.0);
        JsonNode one = JSON.createArrayNode().add(input);
        Path file = Cli.file(dir, "one.xyz", xyzAngstrom(one, elements));
        double pita = energy(Cli.run("energy", "--system", "aldp", "--input", file.toString()));
        double none = energy(Cli.run("energy", "--system", "aldp", "--input", file.toString(), "--cutoff", "none"));
        assertEquals(ALDP_CUTOFF_OFFSET, none - pita, 1e-9);
    }

    @Test
    void atomsOutOfTopologyOrderAreRejected() {
        List<String> swapped = new ArrayList<>(elements);
        swapped.set(0, elements.get(1)); // H1 ↔ CH3
        swapped.set(1, elements.get(0));
        Path file = Cli.file(dir, "swapped.xyz", xyzAngstrom(JSON.createArrayNode().add(reference.get("conformations").get(0)), swapped));
        Cli.Result r = Cli.run("energy", "--system", "aldp", "--input", file.toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("atom 0"), r.err());
    }

    /**
     * A user topology through {@code --prmtop}: the openmmtools ff96 file, in vacuum and with OBC1, both without
     * cutoff, reproduces its own OpenMM reference sets (a second, independent prmtop through the same CLI path).
     */
    @ParameterizedTest
    @CsvSource({"vacuum, aldp_ff96_vacuum.json", "obc1, aldp_ff96_obc1.json"})
    void userPrmtopReproducesItsReferenceSet(String solvent, String referenceFile) throws Exception {
        Path data = Path.of(System.getProperty("pita.shared.data"));
        JsonNode ref = JSON.readTree(data.resolve("reference").resolve(referenceFile).toFile());
        List<String> symbols = new ArrayList<>();
        for (JsonNode atom : ref.get("atoms")) symbols.add(atom.get("element").asText());
        Path input = Cli.file(dir, solvent + ".xyz", xyzAngstrom(ref.get("conformations"), symbols));
        Path prmtop = data.resolve(ref.get("prmtop").asText());
        Cli.Result r = Cli.run("energy", "--prmtop", prmtop.toString(), "--solvent", solvent, "--cutoff", "none",
                "--input", input.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (int f = 0; f < ref.get("conformations").size(); f++) {
            JsonNode conf = ref.get("conformations").get(f);
            assertEquals(conf.get("energy_kj_mol").get("total").asDouble(),
                    JSON.readTree(r.outLines().get(f)).get("energy").asDouble(), 1e-4, conf.get("id").asText());
        }
    }

    private static double energy(Cli.Result r) throws Exception {
        assertEquals(0, r.exitCode(), r.err());
        return JSON.readTree(r.outLines().get(0)).get("energy").asDouble();
    }

    /** The conformations' positions (nm) as XYZ frames in ångström. */
    private static String xyzAngstrom(JsonNode conformations, List<String> symbols) {
        int atoms = symbols.size();
        double[] x = new double[conformations.size() * atoms * 3];
        for (int f = 0; f < conformations.size(); f++) {
            JsonNode pos = conformations.get(f).get("positions_nm");
            for (int a = 0; a < atoms; a++) for (int c = 0; c < 3; c++) x[(f * atoms + a) * 3 + c] = pos.get(a).get(c).asDouble();
        }
        return Cli.xyz(x, conformations.size(), 3, symbols, 10.0);
    }
}
