package io.pitaj.worker.auditing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.activities.store.SampleSet;
import io.pitaj.models.forcefield.AmberTopology;
import io.pitaj.models.forcefield.PeptideSystems;
import io.pitaj.models.forcefield.PeptideTarget;
import io.pitaj.models.systems.SystemCatalog;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.worker.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PDB export of peptide sample sets, read back by a parser of the fixed columns of wwPDB format 3.3 written here from
 * the spec rather than shared with the writer.
 */
class PdbWriterTest {
    private static final SystemCatalog CATALOG = SystemCatalog.builtIn();

    @TempDir
    Path dir;

    /** One ATOM record as the spec's columns define it (1-based, inclusive in the spec; 0-based, exclusive here). */
    record Atom(int serial, String name, String residue, char chain, int residueNumber, double x, double y, double z, String element) {
        static Atom parse(String line) {
            assertEquals("ATOM  ", line.substring(0, 6), line);
            return new Atom(Integer.parseInt(line.substring(6, 11).strip()), line.substring(12, 16).strip(), line.substring(17, 20).strip(),
                    line.charAt(21), Integer.parseInt(line.substring(22, 26).strip()), Double.parseDouble(line.substring(30, 38)),
                    Double.parseDouble(line.substring(38, 46)), Double.parseDouble(line.substring(46, 54)), line.substring(76, 78).strip());
        }
    }

    /** The models of a file: the ATOM records between each MODEL and ENDMDL. */
    private static List<List<Atom>> models(Path file) throws Exception {
        List<List<Atom>> models = new ArrayList<>();
        List<Atom> current = null;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("MODEL ")) {
                assertEquals(models.size() + 1, Integer.parseInt(line.substring(10, 14).strip()), "MODEL serial in columns 11-14");
                current = new ArrayList<>();
            } else if (line.equals("ENDMDL")) {
                models.add(current);
                current = null;
            } else if (line.startsWith("ATOM")) {
                current.add(Atom.parse(line));
            }
        }
        assertEquals(null, current, "every MODEL is closed");
        return models;
    }

    /** {@code count} jittered copies of the system's reference geometry (nm), log-weights {@code logWeight}. */
    private static SampleSet peptideSet(String system, int count, double logWeight) {
        double[] reference = PeptideSystems.referencePositionsNm(system);
        SplittableRandom rng = new SplittableRandom(5);
        double[] x = new double[count * reference.length];
        for (int i = 0; i < x.length; i++) x[i] = reference[i % reference.length] + 0.01 * (rng.nextDouble() - 0.5);
        double[] lw = new double[count];
        Arrays.fill(lw, logWeight);
        return new SampleSet(system, 300.0, "nm,kJ/mol", topology(system).elements(), "rung-3/relax", 1, reference.length, x, lw, new double[count], null);
    }

    private static AmberTopology topology(String system) {
        try (PeptideTarget target = (PeptideTarget) CATALOG.get(system).create(TargetOptions.DEFAULTS)) {
            return target.topology();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"aldp", "al3", "al4", "aldp-ff96"})
    void everyBundledPeptideComesBackWithItsTopologyAndCoordinates(String system) throws Exception {
        SampleSet set = peptideSet(system, 3, 0);
        AmberTopology topology = ExportCommand.pdbTopology(CATALOG, set);
        Path file = dir.resolve(system + ".pdb");
        PdbWriter.write(set, topology, "run r1, rung 3", file);

        List<List<Atom>> models = models(file);
        assertEquals(3, models.size());
        double[] x = set.x();
        for (int i = 0; i < models.size(); i++) {
            List<Atom> atoms = models.get(i);
            assertEquals(topology.atomCount(), atoms.size());
            for (int a = 0; a < atoms.size(); a++) {
                Atom atom = atoms.get(a);
                assertEquals(a + 1, atom.serial());
                assertEquals(topology.atomNames().get(a), atom.name());
                assertEquals(topology.residueNames().get(topology.residueOf(a)), atom.residue());
                assertEquals(topology.residueOf(a) + 1, atom.residueNumber());
                assertEquals('A', atom.chain());
                assertEquals(topology.elements().get(a).toUpperCase(Locale.ROOT), atom.element());
                double[] read = {atom.x(), atom.y(), atom.z()};
                for (int c = 0; c < 3; c++) {
                    double angstrom = 10 * x[i * set.dim() + 3 * a + c];
                    assertEquals(angstrom, read[c], 0.0005 + 1e-9, "sample " + i + " atom " + a + " coordinate " + c + " within PDB's 0.001 Å");
                }
            }
        }
    }

    @Test
    void atomRecordsKeepTheSpecsColumns() throws Exception {
        SampleSet set = peptideSet("aldp", 1, 0);
        Path file = dir.resolve("aldp.pdb");
        PdbWriter.write(set, ExportCommand.pdbTopology(CATALOG, set), "run r1, rung 3", file);
        String ch3 = Files.readAllLines(file).stream().filter(l -> l.startsWith("ATOM      2 ")).findFirst().orElseThrow();
        double[] x = set.row(0);
        String expected = String.format(Locale.ROOT, "%-6s%5d %-4s%c%3s %c%4d%c   %8.3f%8.3f%8.3f%6.2f%6.2f%10s%2s",
                "ATOM", 2, " CH3", ' ', "ACE", 'A', 1, ' ', 10 * x[3], 10 * x[4], 10 * x[5], 1.0, 0.0, "", "C");
        assertEquals(expected, ch3, "columns 1-6 ATOM, 7-11 serial, 13-16 name (one-letter element from 14), 17 altLoc, 18-20 residue, "
                + "22 chain, 23-26 residue number, 27 iCode, 31-54 x y z, 55-60 occupancy, 61-66 B, 77-78 element");
        assertEquals(" C", ch3.substring(76, 78));

        SampleSet ff96 = peptideSet("aldp-ff96", 1, 0);
        Path four = dir.resolve("ff96.pdb");
        PdbWriter.write(ff96, ExportCommand.pdbTopology(CATALOG, ff96), "run r1, rung 3", four);
        String hh31 = Files.readAllLines(four).stream().filter(l -> l.startsWith("ATOM      1 ")).findFirst().orElseThrow();
        assertEquals("HH31", hh31.substring(12, 16), "a four-letter name starts in column 13");
    }

    @Test
    void remarksNameTheOriginAndWhereTheWeightsAreAndFitEightyColumns() throws Exception {
        String longId = "r".repeat(100);
        SampleSet weighted = peptideSet("aldp", 2, -1.5);
        Path file = dir.resolve("weighted.pdb");
        PdbWriter.write(weighted, ExportCommand.pdbTopology(CATALOG, weighted), "run " + longId + ", rung 3", file);
        List<String> remarks = Files.readAllLines(file).stream().filter(l -> l.startsWith("REMARK")).toList();
        String text = String.join(" ", remarks.stream().map(l -> l.substring(11)).toList());
        for (String r : remarks) {
            assertTrue(r.length() <= 80, r);
            assertTrue(r.startsWith("REMARK   1 "), r);
        }
        assertTrue(text.replace(" ", "").contains(longId), "an id longer than a line is cut, not lost: " + text);
        assertTrue(text.contains("rung 3") && text.contains("T = 300.0 K"), text);
        assertTrue(text.contains("weighted") && text.contains("arrow"), text);
        for (String line : Files.readAllLines(file)) assertTrue(line.length() <= 80, line);

        SampleSet unweighted = peptideSet("aldp", 1, 0);
        Path plain = dir.resolve("plain.pdb");
        PdbWriter.write(unweighted, ExportCommand.pdbTopology(CATALOG, unweighted), "run r1, rung 0", plain);
        assertTrue(Files.readString(plain).startsWith("REMARK   1 run r1, rung 0: aldp at T = 300.0 K"), Files.readString(plain));
        assertTrue(Files.readString(plain).contains("Every log-weight is 0"));
        assertTrue(Files.readString(plain).endsWith("ENDMDL\nEND   \n"));
    }

    @Test
    void systemsWithoutATopologyAreRefusedNamingTheFormatsThatWork() {
        SampleSet mog4 = new SampleSet("mog4", 1.0, "reduced", List.of(), "rung-2/relax", 1, 2, new double[4], new double[2], new double[2], null);
        SampleSet lj13 = new SampleSet("lj13", 1.0, "reduced", List.of(), "rung-5/relax", 1, 39, new double[39], new double[1], new double[1], null);
        for (SampleSet s : List.of(mog4, lj13)) {
            UserInputException e = assertThrows(UserInputException.class, () -> ExportCommand.pdbTopology(CATALOG, s));
            assertTrue(e.getMessage().contains(s.system()) && e.getMessage().contains("arrow, csv or xyz"), e.getMessage());
        }
    }

    @Test
    void aCoordinateTheColumnsCannotHoldIsRefusedBeforeWriting() {
        SampleSet good = peptideSet("aldp", 2, 0);
        double[] x = good.x();
        x[good.dim() + 4] = 123.0; // 1230 Å fits; the next one does not
        x[good.dim() + 5] = -150.0;
        SampleSet far = new SampleSet("aldp", 300.0, "nm,kJ/mol", good.atoms(), "rung-3/relax", 1, good.dim(), x, new double[2], new double[2], null);
        Path file = dir.resolve("far.pdb");
        UserInputException e = assertThrows(UserInputException.class, () -> PdbWriter.write(far, ExportCommand.pdbTopology(CATALOG, far), "run r1", file));
        assertTrue(e.getMessage().contains("sample 1") && e.getMessage().contains("xyz"), e.getMessage());
        assertFalse(Files.exists(file));
    }
}
