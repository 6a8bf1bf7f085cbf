package io.pitaj.activities.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleSetTest {
    private static SampleSet of(int dim, double[] x, double[] logWeight, double[] energy, double[] force) {
        return new SampleSet("dw-4", 1.0, "reduced", List.of(), "hot", 7, dim, x, logWeight, energy, force);
    }

    @Test
    void rowsAreCopiesOfTheRowMajorCoordinates() {
        SampleSet set = of(2, new double[] {1, 2, 3, 4, 5, 6}, new double[3], new double[3], null);
        assertEquals(3, set.count());
        assertArrayEquals(new double[] {3, 4}, set.row(1));
        set.row(1)[0] = 99;
        assertArrayEquals(new double[] {3, 4}, set.row(1));
        assertThrows(IndexOutOfBoundsException.class, () -> set.row(3));
        assertFalse(set.hasForce());
        assertNull(set.force());
    }

    @Test
    void arraysAreCopiedOnTheWayInAndOut() {
        double[] x = {1, 2};
        double[] energy = {5};
        SampleSet set = of(2, x, new double[1], energy, new double[2]);
        x[0] = 99;
        energy[0] = 99;
        set.x()[1] = 99;
        set.force()[0] = 99;
        assertArrayEquals(new double[] {1, 2}, set.x());
        assertArrayEquals(new double[] {5}, set.energy());
        assertArrayEquals(new double[] {0, 0}, set.force());
    }

    @Test
    void inconsistentShapesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> of(0, new double[0], new double[0], new double[0], null));
        assertThrows(IllegalArgumentException.class, () -> of(2, new double[3], new double[1], new double[1], null));
        assertThrows(IllegalArgumentException.class, () -> of(2, new double[2], new double[2], new double[1], null));
        assertThrows(IllegalArgumentException.class, () -> of(2, new double[2], new double[1], new double[1], new double[3]));
    }

    @Test
    void atomNamesMustMatchTheDimensionAndSurviveCommaJoining() {
        double[] x = new double[6];
        assertEquals(List.of("C", "O"), new SampleSet("co", 300, "nm,kJ/mol", List.of("C", "O"), "md", 1, 6, x,
                new double[1], new double[1], null).atoms());
        assertThrows(IllegalArgumentException.class, () -> new SampleSet("co", 300, "nm,kJ/mol", List.of("C"), "md", 1,
                6, x, new double[1], new double[1], null));
        assertThrows(IllegalArgumentException.class, () -> new SampleSet("co", 300, "nm,kJ/mol", List.of("C", "O,H"),
                "md", 1, 6, x, new double[1], new double[1], null));
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "NaN", "Infinity"})
    void temperatureMustBeFiniteAndPositive(double temperature) {
        assertThrows(IllegalArgumentException.class, () -> new SampleSet("dw-4", temperature, "reduced", List.of(),
                "hot", 7, 1, new double[1], new double[1], new double[1], null));
    }

    @Test
    void blankMetadataIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SampleSet(" ", 1, "reduced", List.of(), "hot", 7, 1,
                new double[1], new double[1], new double[1], null));
    }

    @ParameterizedTest
    @CsvSource({"x, 5, 'column x row 2 component 1 is NaN'", "log_weight, 1, 'column log_weight row 1 is NaN'",
            "energy, 2, 'column energy row 2 is NaN'", "force, 4, 'column force row 2 component 0 is NaN'"})
    void requireFiniteNamesTheColumnAndRowOfTheFirstBadValue(String column, int index, String expected) {
        double[] x = new double[6];
        double[] logWeight = new double[3];
        double[] energy = new double[3];
        double[] force = new double[6];
        double[] target = switch (column) {
            case "x" -> x;
            case "log_weight" -> logWeight;
            case "energy" -> energy;
            default -> force;
        };
        target[index] = Double.NaN;
        if (index + 1 < target.length) target[index + 1] = Double.POSITIVE_INFINITY;
        SampleSet set = of(2, x, logWeight, energy, force);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, set::requireFinite);
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @Test
    void requireFiniteReturnsTheSetWhenAllIsFinite() {
        SampleSet set = SampleSets.reduced(4, 2, true, 1);
        assertSame(set, set.requireFinite());
    }

    @Test
    void equalityIsBitExact() {
        SampleSet zero = of(1, new double[] {0.0}, new double[1], new double[1], null);
        SampleSet negativeZero = of(1, new double[] {-0.0}, new double[1], new double[1], null);
        assertEquals(zero, of(1, new double[] {0.0}, new double[1], new double[1], null));
        assertEquals(zero.hashCode(), of(1, new double[] {0.0}, new double[1], new double[1], null).hashCode());
        assertNotEquals(zero, negativeZero);
    }
}
