package io.pitaj.activities.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a file can fail to be a sample set ends in one line naming the file and the problem. */
class SampleSetReadErrorsTest {
    private static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    private static final ArrowType FLOAT32 = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("samples.arrow");
    }

    private void assertFails(Path file, String problem) {
        SampleSetFormatException e = assertThrows(SampleSetFormatException.class, () -> SampleSetCodec.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private static Field vector(String name, int size, ArrowType item) {
        return new Field(name, FieldType.notNullable(new ArrowType.FixedSizeList(size)),
                List.of(new Field("item", FieldType.notNullable(item), null)));
    }

    @Test
    void missingFile() {
        assertFails(file(), "no such file");
    }

    @Test
    void directory() {
        assertFails(dir, "a directory, not a sample set file");
    }

    @Test
    void emptyFile() throws IOException {
        Files.createFile(file());
        assertFails(file(), "empty file");
    }

    @Test
    void garbageBytes() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(3).nextBytes(garbage);
        Files.write(file(), garbage);
        assertFails(file(), "not an Arrow IPC file (it does not start with the ARROW1 magic)");
    }

    @Test
    void textFile() throws IOException {
        Files.writeString(file(), "x,log_weight,energy\n1,0,2\n");
        assertFails(file(), "not an Arrow IPC file");
    }

    @Test
    void arrowStreamInsteadOfFile() {
        RawArrowFiles.writeStream(file(), RawArrowFiles.valid());
        assertFails(file(), "an Arrow IPC stream, not an Arrow IPC file");
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 100, 1})
    void truncatedFile(int keptFraction) throws IOException {
        SampleSetCodec.write(SampleSets.reduced(1000, 3, true, 1), file());
        byte[] whole = Files.readAllBytes(file());
        int kept = keptFraction == 1 ? whole.length - 1 : whole.length * keptFraction / 1000 + 6;
        Files.write(file(), Arrays.copyOf(whole, kept));
        assertFails(file(), "truncated Arrow IPC file");
    }

    @Test
    void damagedFooterBehindIntactMagic() throws IOException {
        SampleSetCodec.write(SampleSets.reduced(10, 3, false, 1), file());
        byte[] bytes = Files.readAllBytes(file());
        // the footer and its length sit just before the trailing magic; scribble over both
        Arrays.fill(bytes, bytes.length - 200, bytes.length - 6, (byte) 0x5a);
        Files.write(file(), bytes);
        assertFails(file(), "damaged Arrow IPC file: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "log_weight", "energy"})
    void missingColumn(String column) {
        RawArrowFiles.write(file(), RawArrowFiles.withField(RawArrowFiles.valid(), column, null));
        assertFails(file(), "column '" + column + "' is missing");
    }

    @Test
    void scalarOfTheWrongType() {
        RawArrowFiles.write(file(), RawArrowFiles.withField(RawArrowFiles.valid(), "energy",
                new Field("energy", FieldType.notNullable(FLOAT32), null)));
        assertFails(file(), "column 'energy' has type float32; expected float64");
    }

    @Test
    void integerLogWeights() {
        RawArrowFiles.write(file(), RawArrowFiles.withField(RawArrowFiles.valid(), "log_weight",
                new Field("log_weight", FieldType.notNullable(new ArrowType.Int(64, true)), null)));
        assertFails(file(), "column 'log_weight' has type int64; expected float64");
    }

    @Test
    void coordinatesOfTheWrongItemType() {
        RawArrowFiles.write(file(), RawArrowFiles.withField(RawArrowFiles.valid(), "x", vector("x", 3, FLOAT32)));
        assertFails(file(), "column 'x' has type FixedSizeList<float32>[3]; expected FixedSizeList<float64>[dim]");
    }

    @Test
    void coordinatesThatAreNotAList() {
        RawArrowFiles.write(file(), RawArrowFiles.withField(RawArrowFiles.valid(), "x",
                new Field("x", FieldType.notNullable(FLOAT64), null)));
        assertFails(file(), "column 'x' has type float64; expected FixedSizeList<float64>[dim]");
    }

    @Test
    void forceOfAnotherDimension() {
        RawArrowFiles.write(file(), RawArrowFiles.withField(RawArrowFiles.valid(), "force", vector("force", 4, FLOAT64)));
        assertFails(file(), "column 'force' has 4 values per row but x has 3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"system", "temperature", "units", "atoms", "producer", "seed", "format_version"})
    void missingMetadataKey(String key) {
        RawArrowFiles.write(file(), RawArrowFiles.withMetadata(RawArrowFiles.valid(), m -> {
            m.remove(key);
            return m;
        }));
        assertFails(file(), "schema metadata key '" + key + "' is missing");
    }

    @Test
    void noMetadataAtAll() {
        Schema bare = new Schema(RawArrowFiles.valid().getFields());
        RawArrowFiles.write(file(), bare);
        assertFails(file(), "schema metadata key 'format_version' is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "0", "one", "1.0"})
    void unsupportedFormatVersion(String version) {
        RawArrowFiles.write(file(), RawArrowFiles.withMetadata(RawArrowFiles.valid(), m -> {
            m.put("format_version", version);
            return m;
        }));
        assertFails(file(), "format_version '" + version + "' is not supported; this reader reads version 1");
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', value = {
            "temperature, warm, \"schema metadata temperature 'warm' is not a number\"",
            "temperature, -3, \"temperature must be finite and positive\"",
            "seed, 1.5, \"schema metadata seed '1.5' is not a 64-bit integer\"",
            "atoms, \"N,CA\", \"2 atom names for dim 3\"",
            "atoms, \"N,\", \"atom name '' is empty or contains a comma\"",
            "system, \" \", \"system must not be blank\""})
    void unusableMetadataValue(String key, String value, String problem) {
        RawArrowFiles.write(file(), RawArrowFiles.withMetadata(RawArrowFiles.valid(), m -> {
            m.put(key, value);
            return m;
        }));
        assertFails(file(), problem);
    }

    @ParameterizedTest
    @CsvSource({"x, 7, NaN, 'column x row 2 component 1 is NaN'",
            "log_weight, 3, Infinity, 'column log_weight row 3 is Infinity'",
            "energy, 0, -Infinity, 'column energy row 0 is -Infinity'",
            "force, 11, NaN, 'column force row 3 component 2 is NaN'"})
    void nonFiniteValue(String column, int index, double value, String problem) {
        RawArrowFiles.write(file(), RawArrowFiles.valid(), root -> leaf(root.getVector(column)).set(index, value));
        assertFails(file(), problem);
    }

    @ParameterizedTest
    @CsvSource({"energy, 2, 'column energy row 2 is null'", "x, 10, 'column x row 3 is null'"})
    void nullValue(String column, int index, String problem) {
        Field nullable = column.equals("x")
                ? new Field("x", FieldType.nullable(new ArrowType.FixedSizeList(3)),
                        List.of(new Field("item", FieldType.nullable(FLOAT64), null)))
                : new Field(column, FieldType.nullable(FLOAT64), null);
        RawArrowFiles.write(file(), RawArrowFiles.withField(RawArrowFiles.valid(), column, nullable),
                root -> leaf(root.getVector(column)).setNull(index));
        assertFails(file(), problem);
    }

    @Test
    void nullableColumnsWithoutNullsAndExtraColumnsAreAccepted() {
        Schema valid = RawArrowFiles.valid();
        Schema foreign = RawArrowFiles.withField(valid, "energy", new Field("energy", FieldType.nullable(FLOAT64), null));
        List<Field> fields = new java.util.ArrayList<>(foreign.getFields());
        fields.add(new Field("note", FieldType.nullable(FLOAT32), null));
        RawArrowFiles.write(file(), new Schema(fields, valid.getCustomMetadata()));
        SampleSet set = SampleSetCodec.read(file());
        assertEquals(RawArrowFiles.ROWS, set.count());
        assertEquals(2.5, set.energy()[2]);
    }

    private static Float8Vector leaf(Object vector) {
        return vector instanceof FixedSizeListVector list ? (Float8Vector) list.getDataVector() : (Float8Vector) vector;
    }
}
