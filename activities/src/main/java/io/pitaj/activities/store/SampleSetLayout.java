package io.pitaj.activities.store;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The on-disk contract of a sample set (docs/sample-sets.md): column names and types, metadata keys and how their
 * values are spelled. Building a schema and checking a foreign one live together so they cannot drift apart.
 */
final class SampleSetLayout {
    static final String X = "x";
    static final String LOG_WEIGHT = "log_weight";
    static final String ENERGY = "energy";
    static final String FORCE = "force";

    static final String SYSTEM = "system";
    static final String TEMPERATURE = "temperature";
    static final String UNITS = "units";
    static final String ATOMS = "atoms";
    static final String PRODUCER = "producer";
    static final String SEED = "seed";
    static final String FORMAT_VERSION = "format_version";

    private static final List<String> KEYS = List.of(SYSTEM, TEMPERATURE, UNITS, ATOMS, PRODUCER, SEED, FORMAT_VERSION);
    private static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    // pyarrow's name for a list's child; readers ignore it, but matching it keeps schemas printed by tools alike
    private static final String ITEM = "item";

    /** The shape a file's columns announce: coordinates per row and whether forces are present. */
    record Columns(int dim, boolean hasForce) {}

    /** Everything in the schema metadata besides the format version, decoded; {@code attributes} are the other keys. */
    record Metadata(String system, double temperature, String units, List<String> atoms, String producer, long seed,
                    Map<String, String> attributes) {}

    static boolean isLayoutKey(String key) { return KEYS.contains(key); }

    private SampleSetLayout() {}

    static Schema schema(SampleSet set) {
        List<Field> fields = set.hasForce()
                ? List.of(vector(X, set.dim()), scalar(LOG_WEIGHT), scalar(ENERGY), vector(FORCE, set.dim()))
                : List.of(vector(X, set.dim()), scalar(LOG_WEIGHT), scalar(ENERGY));
        return new Schema(fields, metadata(set));
    }

    // Nothing may be null, so every field says so: readers such as pyarrow then need no validity checks.
    private static Field vector(String name, int dim) {
        Field item = new Field(ITEM, FieldType.notNullable(FLOAT64), null);
        return new Field(name, FieldType.notNullable(new ArrowType.FixedSizeList(dim)), List.of(item));
    }

    private static Field scalar(String name) {
        return new Field(name, FieldType.notNullable(FLOAT64), null);
    }

    private static Map<String, String> metadata(SampleSet set) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(SYSTEM, set.system());
        // Double.toString round-trips exactly through Double.parseDouble
        m.put(TEMPERATURE, Double.toString(set.temperature()));
        m.put(UNITS, set.units());
        m.put(ATOMS, String.join(",", set.atoms()));
        m.put(PRODUCER, set.producer());
        m.put(SEED, Long.toString(set.seed()));
        m.put(FORMAT_VERSION, Integer.toString(SampleSet.FORMAT_VERSION));
        m.putAll(set.attributes());
        return m;
    }

    /**
     * Checks the format version first, since a newer layout may legitimately lack what version 1 needs, then every
     * other key. Extra keys are allowed: other tools annotate files too.
     */
    static Metadata metadata(Path file, Map<String, String> m) {
        String version = require(file, m, FORMAT_VERSION);
        if (!version.equals(Integer.toString(SampleSet.FORMAT_VERSION))) {
            throw new SampleSetFormatException(file, "format_version '" + version + "' is not supported; this reader"
                    + " reads version " + SampleSet.FORMAT_VERSION);
        }
        for (String key : KEYS) require(file, m, key);
        String atoms = m.get(ATOMS);
        return new Metadata(m.get(SYSTEM), number(file, m, TEMPERATURE), m.get(UNITS),
                atoms.isEmpty() ? List.of() : Arrays.asList(atoms.split(",", -1)), m.get(PRODUCER),
                integer(file, m, SEED), attributes(m));
    }

    private static Map<String, String> attributes(Map<String, String> m) {
        Map<String, String> extra = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(m).entrySet()) if (!KEYS.contains(e.getKey())) extra.put(e.getKey(), e.getValue());
        return extra;
    }

    private static String require(Path file, Map<String, String> m, String key) {
        String value = m.get(key);
        if (value == null) {
            throw new SampleSetFormatException(file, "schema metadata key '" + key + "' is missing; a sample set's"
                    + " metadata has " + String.join(", ", KEYS));
        }
        return value;
    }

    private static double number(Path file, Map<String, String> m, String key) {
        try {
            return Double.parseDouble(m.get(key));
        } catch (NumberFormatException e) {
            throw new SampleSetFormatException(file, "schema metadata " + key + " '" + m.get(key) + "' is not a number");
        }
    }

    private static long integer(Path file, Map<String, String> m, String key) {
        try {
            return Long.parseLong(m.get(key));
        } catch (NumberFormatException e) {
            throw new SampleSetFormatException(file, "schema metadata " + key + " '" + m.get(key)
                    + "' is not a 64-bit integer");
        }
    }

    /** Checks a foreign schema's columns; columns this layout does not name are ignored. */
    static Columns columns(Path file, Schema schema) {
        int dim = vectorSize(file, require(file, schema, X));
        if (dim < 1) throw new SampleSetFormatException(file, "column 'x' has list size 0; a sample needs at least one coordinate");
        requireScalar(file, require(file, schema, LOG_WEIGHT));
        requireScalar(file, require(file, schema, ENERGY));
        Field force = find(schema, FORCE);
        if (force == null) return new Columns(dim, false);
        int forceSize = vectorSize(file, force);
        if (forceSize != dim) {
            throw new SampleSetFormatException(file, "column 'force' has " + forceSize + " values per row but x has "
                    + dim + "; expected FixedSizeList<float64>[" + dim + "]");
        }
        return new Columns(dim, true);
    }

    private static Field require(Path file, Schema schema, String name) {
        Field field = find(schema, name);
        if (field == null) {
            throw new SampleSetFormatException(file, "column '" + name + "' is missing; a sample set has columns x,"
                    + " log_weight, energy and optionally force");
        }
        return field;
    }

    private static Field find(Schema schema, String name) {
        return schema.getFields().stream().filter(f -> f.getName().equals(name)).findFirst().orElse(null);
    }

    private static int vectorSize(Path file, Field field) {
        if (field.getType() instanceof ArrowType.FixedSizeList list && field.getChildren().size() == 1
                && field.getChildren().get(0).getType().equals(FLOAT64)) {
            return list.getListSize();
        }
        throw new SampleSetFormatException(file, "column '" + field.getName() + "' has type " + describe(field)
                + "; expected FixedSizeList<float64>[dim]");
    }

    private static void requireScalar(Path file, Field field) {
        if (!field.getType().equals(FLOAT64)) {
            throw new SampleSetFormatException(file, "column '" + field.getName() + "' has type " + describe(field)
                    + "; expected float64");
        }
    }

    // Spelled as the docs and pyarrow spell types, so a message can be compared with what another tool prints.
    private static String describe(Field field) {
        ArrowType type = field.getType();
        if (type instanceof ArrowType.FloatingPoint fp) {
            return switch (fp.getPrecision()) {
                case HALF -> "float16";
                case SINGLE -> "float32";
                case DOUBLE -> "float64";
            };
        }
        if (type instanceof ArrowType.Int i) return (i.getIsSigned() ? "int" : "uint") + i.getBitWidth();
        if (type instanceof ArrowType.FixedSizeList list && field.getChildren().size() == 1) {
            return "FixedSizeList<" + describe(field.getChildren().get(0)) + ">[" + list.getListSize() + "]";
        }
        return type.toString();
    }
}
