package io.pitaj.models.forcefield;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Term counts of the bundled prmtops (forcefield.md §2) and the parser's errors on damaged files. */
class PrmtopFileTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // resource, atoms, bonds, angles, torsions, 1-4 pairs, exclusions, interacting pairs, residues
        "alanine-dipeptide.prmtop, 22, 21, 36, 52, 41, 57, 133, 3",
        "aldp_amber14_obc1.prmtop, 22, 21, 36, 58, 41, 57, 133, 3",
        "AAA_amber14_obc1.prmtop, 33, 32, 57, 94, 74, 89, 365, 3",
        "AAAA_amber14_obc1.prmtop, 43, 42, 75, 130, 99, 117, 687, 4"})
    void termCounts(String resource, int atoms, int bonds, int angles, int torsions, int pairs14, int exclusions,
                    int pairs, int residues) {
        PrmtopFile prmtop = PeptideSystems.bundledPrmtop(resource);
        AmberTopology top = AmberTopology.from(prmtop);
        AmberForceField ff = new AmberForceField(prmtop, ForceFieldOptions.pita());
        assertEquals(atoms, top.atomCount());
        assertEquals(bonds, top.bondCount());
        assertEquals(bonds, ff.bonds().size());
        assertEquals(angles, ff.angles().size());
        assertEquals(torsions, ff.torsions().size());
        assertEquals(pairs14, ff.nonbonded().pair14Count());
        assertEquals(exclusions, ff.nonbonded().exclusionCount());
        assertEquals(pairs, ff.nonbonded().pairCount());
        assertEquals(atoms * (atoms - 1) / 2, pairs + pairs14 + exclusions);
        assertEquals(residues, top.residueCount());
        assertEquals(0.0, top.netCharge(), 1e-6);
        assertEquals(atoms, top.elements().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"alanine-dipeptide.prmtop", "aldp_amber14_obc1.prmtop", "AAA_amber14_obc1.prmtop", "AAAA_amber14_obc1.prmtop"})
    void pairListsFollowTheBondGraph(String resource) {
        PrmtopFile prmtop = PeptideSystems.bundledPrmtop(resource);
        AmberTopology top = AmberTopology.from(prmtop);
        NonbondedForce nb = new AmberForceField(prmtop, ForceFieldOptions.pita()).nonbonded();
        int n = top.atomCount();
        int[][] hops = new int[n][n];
        for (int[] row : hops) Arrays.fill(row, Integer.MAX_VALUE);
        int[] bonds = top.bonds();
        for (int i = 0; i < n; i++) {
            hops[i][i] = 0;
            for (boolean grew = true; grew; ) {
                grew = false;
                for (int b = 0; b < bonds.length; b += 2) {
                    int u = bonds[b], v = bonds[b + 1];
                    if (hops[i][u] != Integer.MAX_VALUE && hops[i][u] + 1 < hops[i][v]) { hops[i][v] = hops[i][u] + 1; grew = true; }
                    if (hops[i][v] != Integer.MAX_VALUE && hops[i][v] + 1 < hops[i][u]) { hops[i][u] = hops[i][v] + 1; grew = true; }
                }
            }
        }
        Set<Integer> expected14 = new HashSet<>(), actual14 = new HashSet<>();
        int closer = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (hops[i][j] == 3) expected14.add(i * n + j);
                if (hops[i][j] <= 2) closer++;
            }
        }
        int[] p14 = nb.pairs14();
        for (int p = 0; p < p14.length; p += 2) actual14.add(Math.min(p14[p], p14[p + 1]) * n + Math.max(p14[p], p14[p + 1]));
        assertEquals(expected14, actual14);
        assertEquals(p14.length / 2, actual14.size(), "no 1-4 pair twice");
        assertEquals(closer, nb.exclusionCount());
    }

    @Test
    void ff96TopologyWithoutAtomicNumbersInfersElementsFromMasses() {
        PrmtopFile prmtop = PeptideSystems.bundledPrmtop("alanine-dipeptide.prmtop");
        assertFalse(prmtop.has("ATOMIC_NUMBER"));
        assertFalse(prmtop.has("SCEE_SCALE_FACTOR"));
        AmberTopology top = AmberTopology.from(prmtop);
        assertEquals(List.of("H", "C", "H", "H", "C", "O", "N", "H", "C", "H", "C", "H", "H", "H", "C", "O", "N", "H", "C", "H", "H", "H"),
                top.elements());
        assertEquals(List.of("ACE", "ALA", "NME"), top.residueNames());
        assertEquals("CA", top.atomNames().get(8));
        assertEquals(8, top.indexOf(1, "CA"));
        assertEquals(2, top.residueOf(21));
    }

    @Test
    void bundledFilesEqualTheSharedData() throws IOException {
        for (String[] pair : new String[][] {
            {"aldp_amber14_obc1.prmtop", "pita-amber14-obc1/aldp_amber14_obc1.prmtop"},
            {"alanine-dipeptide.prmtop", "openmmtools-alanine-dipeptide-gbsa/alanine-dipeptide.prmtop"}}) {
            PrmtopFile bundled = PeptideSystems.bundledPrmtop(pair[0]);
            PrmtopFile shared = PrmtopFile.read(ReferenceFixtures.sharedData().resolve(pair[1]));
            assertEquals(shared.flags(), bundled.flags());
            for (String flag : List.of("CHARGE", "LENNARD_JONES_ACOEF", "RADII")) {
                assertEquals(Arrays.toString(shared.doubles(flag)), Arrays.toString(bundled.doubles(flag)));
            }
        }
    }

    private static String aldpText() throws IOException {
        return Files.readString(ReferenceFixtures.sharedData().resolve("pita-amber14-obc1/aldp_amber14_obc1.prmtop"));
    }

    private static PrmtopFormatException failure(UnaryOperator<String> damage) throws IOException {
        byte[] bytes = damage.apply(aldpText()).getBytes(StandardCharsets.US_ASCII);
        return assertThrows(PrmtopFormatException.class,
                () -> new AmberForceField(PrmtopFile.read(new ByteArrayInputStream(bytes), "damaged.prmtop"), ForceFieldOptions.pita()));
    }

    private static void assertMentions(PrmtopFormatException e, String... parts) {
        for (String p : parts) assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' should mention '" + p + "'");
    }

    @Test
    void truncatedSection() throws IOException {
        // drop the last line of CHARGE (2 of 22 values)
        PrmtopFormatException e = failure(t -> {
            int start = t.indexOf("%FLAG ATOMIC_NUMBER");
            int lastLine = t.lastIndexOf('\n', start - 2);
            return t.substring(0, lastLine + 1) + t.substring(start);
        });
        assertMentions(e, "damaged.prmtop", "line 15", "CHARGE", "20 values", "22");
    }

    @Test
    void unparsableNumber() throws IOException {
        PrmtopFormatException e = failure(t -> t.replaceFirst("(%FLAG CHARGE\\n%FORMAT\\(5E16.8\\)\\n)  ", "$1 X"));
        assertMentions(e, "damaged.prmtop", "line 17", "CHARGE", "not a number");
    }

    @Test
    void unparsableInteger() throws IOException {
        PrmtopFormatException e = failure(t -> t.replace("%FLAG POINTERS\n%FORMAT(10I8)\n      22", "%FLAG POINTERS\n%FORMAT(10I8)\n     2.2"));
        assertMentions(e, "line 7", "POINTERS", "'2.2' is not an integer");
    }

    @Test
    void missingFormat() throws IOException {
        PrmtopFormatException e = failure(t -> t.replace("%FLAG MASS\n%FORMAT(5E16.8)\n", "%FLAG MASS\n"));
        assertMentions(e, "damaged.prmtop", "line 28", "MASS", "no %FORMAT");
    }

    @Test
    void badFormatSpecification() throws IOException {
        PrmtopFormatException e = failure(t -> t.replace("%FLAG MASS\n%FORMAT(5E16.8)", "%FLAG MASS\n%FORMAT(5Q16.8)"));
        assertMentions(e, "line 28", "bad format specification", "5Q16.8");
    }

    @Test
    void missingPointers() throws IOException {
        PrmtopFormatException e = failure(t -> t.replaceFirst("%FLAG POINTERS\\n%FORMAT\\(10I8\\)\\n(.*\\n){4}", ""));
        assertMentions(e, "damaged.prmtop", "POINTERS", "missing");
    }

    @Test
    void atomCountDisagreesWithSections() throws IOException {
        PrmtopFormatException e = failure(t -> t.replace("%FORMAT(10I8)\n      22", "%FORMAT(10I8)\n      23"));
        assertMentions(e, "ATOM_NAME", "22 values", "POINTERS implies 23");
    }

    @Test
    void missingRequiredSection() throws IOException {
        PrmtopFormatException e = failure(t -> t.replace("%FLAG RADII", "%FLAG RADII_RENAMED"));
        assertMentions(e, "damaged.prmtop", "RADII", "missing");
    }

    @Test
    void emptyFile() {
        PrmtopFormatException e = assertThrows(PrmtopFormatException.class,
                () -> PrmtopFile.read(new ByteArrayInputStream(new byte[0]), "empty.prmtop"));
        assertMentions(e, "empty.prmtop", "no %FLAG sections");
    }

    @Test
    void atomPointerOutOfRange() throws IOException {
        PrmtopFormatException e = failure(t -> t.replaceFirst("(%FLAG BONDS_INC_HYDROGEN\\n%FORMAT\\(10I8\\)\\n)      ..", "$1     999"));
        assertMentions(e, "BONDS", "999");
    }
}
