package io.pitaj.models.targets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a mixture file can be wrong gives one line: the source, then the problem. */
class MixtureSpecTest {
    private static final String W = "\"weights\": [0.25, 0.75]";
    private static final String M = "\"means\": [[0, 0], [1, 2]]";
    private static final String C = "\"covariances\": [[[1, 0], [0, 1]], [[2, 0.5], [0.5, 1]]]";

    private static String json(String... parts) { return "{" + String.join(", ", parts) + "}"; }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("truncated JSON", "{\"weights\": [1", "not valid JSON at line 1"),
                Arguments.of("empty text", "", "expected a JSON object"),
                Arguments.of("not an object", "[1, 2]", "expected a JSON object"),
                Arguments.of("trailing tokens", json(W, M, C) + " {}", "not valid JSON"),
                Arguments.of("duplicate key", json(W, W, M, C), "Duplicate field 'weights'"),
                Arguments.of("missing weights", json(M, C), "missing key 'weights'"),
                Arguments.of("missing means", json(W, C), "missing key 'means'"),
                Arguments.of("missing covariances", json(W, M), "missing key 'covariances'"),
                Arguments.of("unknown key", json(W, M, C, "\"mean\": []"), "unknown key 'mean' (expected weights, means, covariances)"),
                Arguments.of("weights not an array", json("\"weights\": 1", M, C), "weights must be an array, found number"),
                Arguments.of("weight not a number", json("\"weights\": [0.25, \"0.75\"]", M, C), "weights[1] must be a number, found string"),
                Arguments.of("no components", json("\"weights\": []", "\"means\": []", "\"covariances\": []"), "'weights' is empty"),
                Arguments.of("fewer means", json(W, "\"means\": [[0, 0]]", C), "2 weights but 1 means"),
                Arguments.of("fewer covariances", json(W, M, "\"covariances\": [[[1, 0], [0, 1]]]"), "2 weights but 1 covariances"),
                Arguments.of("ragged means", json(W, "\"means\": [[0, 0], [1, 2, 3]]", C), "means[1] has 3 coordinates, means[0] has 2"),
                Arguments.of("empty mean", json(W, "\"means\": [[], []]", C), "means[0] is empty"),
                Arguments.of("mean row not an array", json(W, "\"means\": [[0, 0], 1]", C), "means[1] must be an array"),
                Arguments.of("covariance rows", json(W, M, "\"covariances\": [[[1, 0], [0, 1]], [[1, 0]]]"),
                        "covariances[1] has 1 rows, need 2 (the means' dimension)"),
                Arguments.of("ragged covariance", json(W, M, "\"covariances\": [[[1, 0], [0, 1]], [[1, 0], [0]]]"),
                        "covariances[1][1] has 1 entries, need 2"),
                Arguments.of("covariance entry not a number", json(W, M, "\"covariances\": [[[1, 0], [0, null]], [[1, 0], [0, 1]]]"),
                        "covariances[0][1][1] must be a number, found null"),
                Arguments.of("overflowing number", json(W, "\"means\": [[0, 1e999], [1, 2]]", C), "means[0][1] is Infinity, not a finite number"),
                Arguments.of("not symmetric", json(W, M, "\"covariances\": [[[1, 0], [0, 1]], [[2, 0.5], [0.4, 1]]]"),
                        "covariances[1] is not symmetric: [0][1] = 0.5 but [1][0] = 0.4"),
                Arguments.of("indefinite", json(W, M, "\"covariances\": [[[1, 2], [2, 1]], [[1, 0], [0, 1]]]"),
                        "covariances[0] is not positive definite (smallest eigenvalue -1.00000, largest 3.00000)"),
                Arguments.of("singular", json(W, M, "\"covariances\": [[[1, 0], [0, 1]], [[1, 1], [1, 1]]]"),
                        "covariances[1] is not positive definite"),
                Arguments.of("negative weight", json("\"weights\": [-0.25, 1.25]", M, C), "weights[0] = -0.25 is not positive"),
                Arguments.of("zero weight", json("\"weights\": [0, 1]", M, C), "weights[0] = 0.0 is not positive"),
                Arguments.of("weights off one", json("\"weights\": [0.25, 0.7]", M, C), "weights sum to 0.95, not 1 (tolerance 2.0E-9)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void oneLineNamesTheProblem(String what, String text, String expected) {
        MixtureFormatException e = assertThrows(MixtureFormatException.class, () -> MixtureSpec.parse("in.json", text));
        assertTrue(e.getMessage().startsWith("in.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), what + ": '" + e.getMessage() + "' lacks '" + expected + "'");
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void weightsWithinTheToleranceAreAccepted() {
        MixtureSpec s = MixtureSpec.parse("in.json", json("\"weights\": [0.25, 0.7500000005]", M, C));
        assertEquals(2, s.components());
        assertEquals(2, s.dimension());
    }

    @Test
    void fileErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), json(W, M));
        MixtureFormatException e = assertThrows(MixtureFormatException.class, () -> MixtureSpec.read(file));
        assertEquals(file + ": missing key 'covariances'", e.getMessage());
    }

    @Test
    void valuesAreKeptAsGiven() {
        MixtureSpec s = MixtureSpec.parse("in.json", json(W, M, C));
        assertArrayEquals(new double[] {0.25, 0.75}, s.weights());
        assertArrayEquals(new double[] {1, 2}, s.mean(1));
        assertArrayEquals(new double[] {0.5, 1}, s.covariance(1)[1]);
    }
}
