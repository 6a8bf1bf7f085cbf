package io.pitaj.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pitaj.activities.store.SampleSet;
import io.pitaj.activities.store.SampleSetCodec;
import io.pitaj.models.targets.GaussianMixture;
import io.pitaj.models.targets.MixtureSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --system FILE.json}: a mixture file is a system like any other, named after the file. */
class MixtureFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MIXTURE = "{\"weights\": [0.7, 0.3], \"means\": [[0, 0, 0], [2, 1, -1]],"
            + " \"covariances\": [[[1, 0.2, 0], [0.2, 0.5, 0.1], [0, 0.1, 0.8]], [[0.3, 0, 0], [0, 0.3, 0], [0, 0, 0.3]]]}";

    @TempDir
    Path dir;

    @Test
    void energiesOfAMixtureFileAreThoseOfItsTarget() throws Exception {
        Path file = Cli.file(dir, "two.json", MIXTURE);
        Path input = Cli.file(dir, "two.xyz", "1\na\nX 0.5 -0.25 1\n1\nb\nX 2 1 -1\n");
        Cli.Result r = Cli.run("energy", "--system", file.toString(), "--input", input.toString());
        assertEquals(0, r.exitCode(), r.err());
        GaussianMixture m = new GaussianMixture("two", MixtureSpec.parse("two", MIXTURE));
        List<String> lines = r.outLines();
        assertEquals(2, lines.size());
        assertEquals(m.energy(new double[] {0.5, -0.25, 1}), JSON.readTree(lines.get(0)).get("energy").asDouble(), 1e-12);
        assertEquals(m.energy(new double[] {2, 1, -1}), JSON.readTree(lines.get(1)).get("energy").asDouble(), 1e-12);
    }

    @Test
    void theSystemIsNamedAfterTheFileAndDrawsExactSamples() {
        Path file = Cli.file(dir, "two.json", MIXTURE), out = dir.resolve("two.arrow");
        Cli.Result r = Cli.run("sample", "--method", "exact", "--system", file.toString(), "--count", "20000", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        SampleSet s = SampleSetCodec.read(out);
        assertEquals("two", s.system());
        assertEquals(1.0, s.temperature());
        // the mixture's mean is 0.3·(2, 1, −1); the standard errors are below 0.01
        double[] mean = new double[3];
        for (int i = 0; i < s.count(); i++) for (int j = 0; j < 3; j++) mean[j] += s.x()[3 * i + j] / s.count();
        assertArrayEquals(new double[] {0.6, 0.3, -0.3}, mean, 0.04);
    }
}
