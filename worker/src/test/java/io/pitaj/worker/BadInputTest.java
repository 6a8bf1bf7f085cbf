package io.pitaj.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input: exit code 2, nothing on stdout, exactly one line on stderr that names the problem. */
class BadInputTest {
    private static final String DW_OK = "4\nok\nA 0 0 0\nA 4 0 0\nA 4 4 0\nA 0 4 0\n";

    @TempDir
    static Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                energy("wrong atom count", "lj13", DW_OK, "4 atoms, but system lj13 has 13 particles"),
                energy("wrong element order", "oh", "2\n\nH 0 0 0\nO 1 0 0\n", "line 3 (frame 0), atom 0: element H where system oh has O"),
                energy("NaN coordinate", "dw4", DW_OK.replace("A 4 4 0", "A NaN 4 0"), "line 5 (frame 0), atom 2: coordinate x is NaN"),
                energy("infinite coordinate", "dw4", DW_OK.replace("A 4 4 0", "A 4 -Infinity 0"), "coordinate y is -Infinity"),
                energy("overflowing coordinate", "dw4", DW_OK.replace("A 4 4 0", "A 4 1e999 0"), "overflows a double"),
                energy("non-zero z in 2-D", "dw4", DW_OK.replace("A 4 0 0", "A 4 0 0.5"), "line 4 (frame 0), atom 1: z = 0.5 but dw4 is 2-D"),
                energy("bad count line", "dw4", "four\nx\n", "line 1 (frame 0): expected the atom count (a positive integer), found 'four'"),
                energy("zero count", "dw4", "0\nx\n", "found '0'"),
                energy("missing atom lines", "dw4", DW_OK + "4\nsecond\nA 0 0 0\n", "line 7 (frame 1): the count line announces 4 atoms but the file ends after 1 atom lines"),
                energy("missing comment line", "dw4", DW_OK + "4\n", "the file ends after 0 atom lines"),
                energy("too few fields", "dw4", DW_OK.replace("A 4 4 0", "A 4 4"), "line 5 (frame 0), atom 2: expected 'symbol x y z', found 3 fields"),
                energy("non-numeric field", "dw4", DW_OK.replace("A 4 4 0", "A 4 4x 0"), "coordinate y '4x' is not a number"),
                energy("empty file", "dw4", "\n\n", "is empty"),
                energy("unknown system", "dw5", DW_OK, "unknown system 'dw5'; known systems: gmm40, mog4, dw4, lj13, lj55, aldp, al3, al4, aldp-ff96, oh"),
                energy("cutoff on an analytic system", "dw4", DW_OK, "system dw4 has no cutoff", "--cutoff", "pita"),
                energy("zero temperature", "dw4", DW_OK, "--temperature must be positive and finite, got 0.0", "--temperature", "0"),
                energy("negative temperature", "oh", DW_OK, "--temperature must be positive and finite, got -300.0 (K)", "--temperature", "-300"),
                energy("bad cutoff name", "oh", DW_OK, "--cutoff: cutoff must be 'none', 'pita' or a distance in nm, got 'far'", "--cutoff", "far"),
                energy("non-numeric temperature", "dw4", DW_OK, "Invalid value for option '--temperature'", "--temperature", "hot"),
                command("missing file", "does not exist", "energy", "--system", "dw4", "--input", dir.resolve("nope.xyz").toString()),
                command("unreadable file (a directory)", "cannot read input file", "energy", "--system", "dw4", "--input", dir.toString()),
                command("missing option", "Missing required option: '--input=FILE.xyz'", "energy", "--system", "dw4"),
                command("unknown option", "Unknown option: '--frobnicate'", "systems", "--frobnicate"),
                command("no command", "missing command", new String[0]),
                command("bench without benchmark", "missing benchmark", "bench"),
                command("bench zero batch", "--batch must be at least 1", "bench", "energy", "--system", "dw4", "--batch", "0"),
                command("bench zero threads", "--threads must be at least 1", "bench", "energy", "--system", "dw4", "--threads", "0"),
                command("bench negative budget", "--seconds must be positive", "bench", "energy", "--system", "dw4", "--seconds", "-1"),
                command("bench unknown system", "unknown system 'lj7'", "bench", "energy", "--system", "lj7"),
                command("train-step bad loss weights", "--loss-weights needs four numbers", "bench", "train-step", "--loss-weights", "1,2"),
                command("train-step dropout on an EGNN", "--dropout: only the DiT has dropout", "bench", "train-step", "--system", "lj13",
                        "--dropout", "0.1"),
                command("mlp-step unknown arch", "unknown --arch 'egnn'; available: mlp", "bench", "mlp-step", "--arch", "egnn"),
                command("mlp-step bad dtype", "--dtype must be f32 or f64, got 'f16'", "bench", "mlp-step", "--dtype", "f16"),
                command("mlp-step bad device", "--device: unknown device 'tpu'", "bench", "mlp-step", "--device", "tpu"),
                command("mlp-step zero steps", "--steps must be at least 1", "bench", "mlp-step", "--steps", "0"),
                command("divergence zero probes", "--probes must be at least 1, got 0", "bench", "divergence", "--probes", "0"),
                command("divergence zero hidden", "EGNN needs ≥ 2 particles, positive sizes", "bench", "divergence", "--hidden", "0"),
                command("divergence unknown system", "unknown system", "bench", "divergence", "--system", "lj14"),
                command("divergence zero per pass", "--per-pass must be at least 1, got 0", "bench", "divergence", "--per-pass", "0"),
                prmtop("truncated prmtop", 30, null, "section MASS has 10 values but POINTERS implies 22"),
                prmtop("non-numeric prmtop value", Integer.MAX_VALUE, "  1.2.3E+00     ", "section CHARGE: '1.2.3E+00' is not a number"),
                mixture("malformed mixture file", "{\"weights\": [1", "malformed_mixture_file.json: not valid JSON at line 1"),
                mixture("indefinite mixture covariance",
                        "{\"weights\": [1], \"means\": [[0, 0]], \"covariances\": [[[1, 2], [2, 1]]]}",
                        "covariances[0] is not positive definite"),
                mixture("mixture weights off one",
                        "{\"weights\": [0.5, 0.4], \"means\": [[0, 0], [1, 1]], \"covariances\": [[[1, 0], [0, 1]], [[1, 0], [0, 1]]]}",
                        "weights sum to 0.9, not 1"),
                mixture("four-dimensional mixture",
                        "{\"weights\": [1], \"means\": [[0, 0, 0, 0]], \"covariances\": [[[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]]}",
                        "four_dimensional_mixture has 4 coordinates per particle; an XYZ file holds at most 3"),
                command("missing mixture file", "mixture file " + dir.resolve("nope.json") + " does not exist",
                        "energy", "--system", dir.resolve("nope.json").toString(), "--input", "x.xyz"),
                command("bench on a bad mixture file", "not valid JSON", "bench", "energy", "--system",
                        Cli.file(dir, "bench_bad.json", "[").toString()),
                command("missing prmtop", "prmtop file " + dir.resolve("nope.prmtop") + " does not exist",
                        "energy", "--prmtop", dir.resolve("nope.prmtop").toString(), "--input", dir.resolve("nope.xyz").toString()),
                command("system and prmtop together", "are mutually exclusive",
                        "energy", "--system", "aldp", "--prmtop", "x.prmtop", "--input", "x.xyz"),
                command("solvent without prmtop", "--solvent goes with --prmtop",
                        "energy", "--system", "aldp", "--solvent", "vacuum", "--input", "x.xyz"),
                command("unknown solvent", "--solvent must be obc1 or vacuum, got 'water'", "energy", "--prmtop",
                        sharedPrmtop().toString(), "--solvent", "water", "--input", "x.xyz"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsWithCodeTwoAndOneLine(String what, String[] args, String expected) {
        Cli.Result r = Cli.run(args);
        assertEquals(2, r.exitCode(), what + ": " + r.err());
        assertEquals("", r.out(), what);
        assertEquals(1, r.errLines().size(), what + ": " + r.err());
        assertTrue(r.err().contains(expected), what + ": '" + r.err().strip() + "' lacks '" + expected + "'");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Path input = Cli.file(dir, "verbose.xyz", "four\n");
        Cli.Result r = Cli.run("--verbose", "energy", "--system", "dw4", "--input", input.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.errLines().size() > 2, r.err());
        assertTrue(r.err().contains("at io.pitaj.worker.inspecting.XyzReader"), r.err());
    }

    private static Path sharedPrmtop() {
        return Path.of(System.getProperty("pita.shared.data"), "pita-amber14-obc1", "aldp_amber14_obc1.prmtop");
    }

    /**
     * {@code pita energy --prmtop} on a damaged copy of the ALDP topology: its first {@code lines} lines, with the
     * first value of the CHARGE section replaced by {@code firstCharge} (a 16-character field) if given.
     */
    private static Arguments prmtop(String what, int lines, String firstCharge, String expected) {
        List<String> text;
        try {
            text = new ArrayList<>(Files.readAllLines(sharedPrmtop()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (firstCharge != null) {
            int data = text.indexOf(text.stream().filter(l -> l.startsWith("%FLAG CHARGE")).findFirst().orElseThrow()) + 2;
            text.set(data, firstCharge + text.get(data).substring(16));
        }
        Path file = Cli.file(dir, what.replaceAll("\\W+", "_") + ".prmtop", String.join("\n", text.subList(0, Math.min(lines, text.size()))) + "\n");
        return Arguments.of(what, new String[] {"energy", "--prmtop", file.toString(), "--input", "unused.xyz"}, expected);
    }

    private static Arguments energy(String what, String system, String xyz, String expected, String... extra) {
        Path input = Cli.file(dir, what.replaceAll("\\W+", "_") + ".xyz", xyz);
        List<String> args = new ArrayList<>(List.of("energy", "--system", system, "--input", input.toString()));
        args.addAll(List.of(extra));
        return Arguments.of(what, args.toArray(String[]::new), expected);
    }

    /** {@code pita energy --system FILE.json} on a mixture file with {@code json} in it, and a valid 2-D frame. */
    private static Arguments mixture(String what, String json, String expected) {
        Path file = Cli.file(dir, what.replaceAll("\\W+", "_") + ".json", json);
        Path input = Cli.file(dir, what.replaceAll("\\W+", "_") + ".xyz", "1\nx\nX 0 0 0\n");
        return Arguments.of(what, new String[] {"energy", "--system", file.toString(), "--input", input.toString()}, expected);
    }

    private static Arguments command(String what, String expected, String... args) {
        return Arguments.of(what, args, expected);
    }
}
