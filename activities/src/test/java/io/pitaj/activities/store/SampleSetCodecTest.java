package io.pitaj.activities.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleSetCodecTest {
    private static final double[] AWKWARD = {
        -0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Math.nextDown(Double.MIN_NORMAL), 1e-310, Double.MIN_NORMAL,
        Double.MAX_VALUE, -Double.MAX_VALUE, Math.nextUp(1.0), 0.1, -1.0 / 3
    };

    @TempDir
    Path dir;

    private static SampleSet awkward(boolean withForce) {
        int dim = 3;
        int count = AWKWARD.length;
        double[] x = new double[count * dim];
        double[] force = withForce ? new double[count * dim] : null;
        double[] logWeight = new double[count];
        double[] energy = new double[count];
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < dim; c++) {
                x[i * dim + c] = AWKWARD[(i + c) % count];
                if (withForce) force[i * dim + c] = AWKWARD[(i + 2 * c + 1) % count];
            }
            logWeight[i] = AWKWARD[(i + 5) % count];
            energy[i] = AWKWARD[(count - 1 - i)];
        }
        return new SampleSet("aldp", 300.0, "nm,kJ/mol", List.of("N"), "rung-2/md", -42, dim, x, logWeight, energy,
                force);
    }

    private static void assertBits(double[] expected, double[] actual) {
        assertArrayEquals(bits(expected), bits(actual));
    }

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    private SampleSet roundTrip(SampleSet set) {
        Path file = dir.resolve("set.arrow");
        SampleSetCodec.write(set, file);
        return SampleSetCodec.read(file);
    }

    @Test
    void roundTripWithoutForceIsBitExact() {
        SampleSet set = awkward(false);
        SampleSet back = roundTrip(set);
        assertEquals(set, back);
        assertFalse(back.hasForce());
        assertBits(set.x(), back.x());
        assertBits(set.logWeight(), back.logWeight());
        assertBits(set.energy(), back.energy());
    }

    @Test
    void roundTripWithForceIsBitExact() {
        SampleSet set = awkward(true);
        SampleSet back = roundTrip(set);
        assertEquals(set, back);
        assertBits(set.force(), back.force());
        assertBits(set.x(), back.x());
    }

    @Test
    void metadataRoundTrips() {
        List<String> atoms = List.of("H1", "CH3", "H2", "H3", "C", "O", "N", "H", "CA", "HA", "CB", "HB1", "HB2", "HB3",
                "C", "O", "N", "H", "C", "H1", "H2", "H3");
        SampleSet set = new SampleSet("aldp", 310.5, "nm,kJ/mol", atoms, "rung-3/smc:shard-7", Long.MIN_VALUE, 66,
                new double[66], new double[1], new double[1], null);
        SampleSet back = roundTrip(set);
        assertEquals(set, back);
        assertEquals(atoms, back.atoms());
        assertEquals(310.5, back.temperature());
        assertEquals("nm,kJ/mol", back.units());
        assertEquals("rung-3/smc:shard-7", back.producer());
        assertEquals(Long.MIN_VALUE, back.seed());
        assertEquals("aldp", back.system());
    }

    @Test
    void attributesRoundTripAndCannotShadowTheLayout() {
        SampleSet set = new SampleSet("mog4", 0.5, "reduced", List.of(), "pita anneal", 3, 2, new double[4], new double[2],
                new double[2], null).withAttributes(java.util.Map.of("method", "fk-smc", "weights", "hutchinson:4"));
        SampleSet back = roundTrip(set);
        assertEquals(set, back);
        assertEquals("hutchinson:4", back.attributes().get("weights"));
        assertThrows(IllegalArgumentException.class, () -> set.withAttributes(java.util.Map.of("seed", "4")));
    }

    @Test
    void emptyAtomsAndAnEmptySetRoundTrip() {
        SampleSet empty = new SampleSet("lj-13", 0.75, "reduced", List.of(), "hot", 3, 39, new double[0],
                new double[0], new double[0], new double[0]);
        SampleSet back = roundTrip(empty);
        assertEquals(empty, back);
        assertEquals(0, back.count());
        assertEquals(39, back.dim());
        assertTrue(back.hasForce());
    }

    @Test
    void largeSetsAreWrittenInSeveralBatchesAndReadWhole() throws IOException {
        SampleSet set = SampleSets.reduced(150_000, 3, true, 11);
        Path file = dir.resolve("large.arrow");
        SampleSetCodec.write(set, file);
        try (RootAllocator allocator = new RootAllocator();
             ArrowFileReader reader = new ArrowFileReader(FileChannel.open(file), allocator)) {
            assertEquals(3, reader.getRecordBlocks().size());
        }
        SampleSet back = SampleSetCodec.read(file);
        assertEquals(150_000, back.count());
        assertEquals(set, back);
        assertArrayEquals(set.row(149_999), back.row(149_999));
    }

    @Test
    void anExistingFileIsNotOverwrittenByDefault() throws IOException {
        Path file = dir.resolve("set.arrow");
        Files.writeString(file, "precious");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> SampleSetCodec.write(SampleSets.reduced(2, 2, false, 1), file));
        assertInstanceOf(FileAlreadyExistsException.class, e.getCause());
        assertTrue(e.getMessage().startsWith(file + ": already exists"), e.getMessage());
        assertEquals("precious", Files.readString(file));
        assertEquals(List.of(file), list(dir));
    }

    @Test
    void overwriteReplacesTheFileWhenAskedTo() {
        Path file = dir.resolve("set.arrow");
        SampleSetCodec.write(SampleSets.reduced(2, 2, false, 1), file);
        SampleSet second = SampleSets.reduced(5, 4, true, 2);
        SampleSetCodec.write(second, file, true);
        assertEquals(second, SampleSetCodec.read(file));
        assertEquals(List.of(file), list(dir));
    }

    @Test
    void aSuccessfulWriteLeavesOnlyTheTarget() {
        Path file = dir.resolve("set.arrow");
        SampleSetCodec.write(SampleSets.reduced(70_000, 2, true, 5), file);
        assertEquals(List.of(file), list(dir));
    }

    @Test
    void aFailedRenameLeavesNoTemporaryBehind() throws IOException {
        Path target = dir.resolve("occupied");
        Files.createDirectory(target);
        Files.writeString(target.resolve("keep"), "x");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> SampleSetCodec.write(SampleSets.reduced(3, 2, false, 1), target, true));
        assertTrue(e.getMessage().startsWith(target + ": cannot write the sample set"), e.getMessage());
        assertEquals(List.of(target), list(dir));
    }

    @Test
    void aMissingDirectoryIsNamed() {
        Path file = dir.resolve("absent").resolve("set.arrow");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> SampleSetCodec.write(SampleSets.reduced(3, 2, false, 1), file));
        assertTrue(e.getMessage().contains("directory " + dir.resolve("absent") + " does not exist"), e.getMessage());
    }

    @Test
    void nonFiniteSetsAreNotWritten() {
        Path file = dir.resolve("set.arrow");
        SampleSet set = new SampleSet("dw-4", 1, "reduced", List.of(), "hot", 1, 1, new double[] {0, 1},
                new double[2], new double[] {0, Double.NEGATIVE_INFINITY}, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SampleSetCodec.write(set, file));
        assertTrue(e.getMessage().startsWith("column energy row 1 is -Infinity"), e.getMessage());
        assertEquals(List.of(), list(dir));
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
