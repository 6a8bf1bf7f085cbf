package io.pitaj.activities.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunSpecsTest {
    @Test
    void everyPresetIsValidAndRoundTripsThroughYaml() {
        for (String name : Presets.NAMES) {
            RunSpec p = Presets.get(name);
            assertEquals(name, p.name());
            assertEquals(p, RunSpecs.parse(RunSpecs.toYaml(p), "printed " + name), name);
        }
        RunSpec quick = Presets.get("quick");
        assertEquals(java.util.List.of(4.0, 2.5, 1.6, 1.0), quick.ladder());
        assertEquals(12000, quick.training().cumulativeSteps(2));
        assertTrue(RunSpecs.toYaml(quick).contains("fine") == false && RunSpecs.toYaml(quick).contains("train_on_all_rungs: false"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown field | anneal: {particles: 4000} | x | unknown field anneal.particlez",
        "bad method    | method: mala             | method: foo | hot.method must be one of exact, mala, hmc, nuts, md, pt, got 'foo'",
        "bad weights   | weights: exact           | weights: nope | anneal.weights must be one of exact, hutchinson:P, snis, none",
        "ladder order  | ladder: [4.0, 2.5, 1.6, 1.0] | ladder: [4.0, 4.5, 1.0] | ladder[1] must be colder than ladder[0] = 4.0",
        "steps count   | 'steps: [6000, 3000, 3000]' | 'steps: [6000]' | training.steps must list one step count per rung but the last (3 here)",
        "clip          | 'clip: \"off\"' | 'clip: \"2\"' | anneal.clip must be off or a quantile in (0, 1], got 2",
        "missing number | 'particles: 4000, ' | '' | field anneal.particles is missing",
        "wrong type    | 'particles: 4000' | 'particles: many' | field anneal.particles has the wrong type",
    })
    void badSpecsNameTheField(String what, String from, String to, String expected) {
        String yaml = RunSpecs.toYaml(Presets.get("quick"));
        String broken = what.startsWith("unknown") ? yaml.replace("  particles: 4000", "  particles: 4000\n  particlez: 1") : edit(from, to);
        SpecException e = assertThrows(SpecException.class, () -> RunSpecs.parse(broken, "my.yaml"));
        assertTrue(e.getMessage().startsWith("my.yaml: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), what + ": " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
    }

    /** The quick preset's file with one edit, so each case breaks exactly one thing. */
    private static String edit(String from, String to) {
        try (var in = Presets.class.getResourceAsStream("presets/quick.yaml")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(text.contains(from), from);
            return text.replace(from, to);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void unknownPresetsAndMissingFilesAreOneLine() {
        assertEquals("unknown preset 'fast'; choose quick, dw4, lj13, lj13-cpu, aldp, aldp-cpu, al3",
                assertThrows(SpecException.class, () -> Presets.get("fast")).getMessage());
        assertTrue(assertThrows(SpecException.class, () -> RunSpecs.read(java.nio.file.Path.of("/nonexistent/x.yaml"))).getMessage()
                .contains("does not exist"));
    }
}
