package io.pitaj.worker;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pitaj.activities.store.SampleSet;
import io.pitaj.activities.store.SampleSetCodec;
import io.pitaj.models.systems.ConfigurationBatch;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.models.train.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pita train} end to end on small networks: artifact, checkpoints, resume, and every kind of bad input. */
class TrainCommandTest {
    @TempDir
    Path dir;

    /** A sample set of {@code system}'s typical configurations (not Boltzmann samples: enough to exercise training). */
    private Path samples(String system, double temperature, int count, String name) {
        SystemInfo<?> info = Cli.CATALOG.get(system);
        ConfigurationBatch b = info.sampleBatch(TargetOptions.DEFAULTS, count, 1);
        b.target().close();
        SampleSet set = new SampleSet(system, temperature, "reduced", List.of(), "test", 1, info.dimension(), b.x(),
                new double[count], new double[count], null);
        Path file = dir.resolve(name);
        SampleSetCodec.write(set, file);
        return file;
    }

    private String[] train(Path samples, Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--system", "lj13", "--samples", samples.toString(),
                "--temperature", "4", "--size", "small", "--batch", "16", "--threads", "1", "--out", out.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void trainsWritesTheArtifactAndResumes() throws Exception {
        Path set = samples("lj13", 4, 64, "lj13.arrow"), out = dir.resolve("run");
        Cli.Result r = Cli.run(train(set, out, "--steps", "6", "--checkpoint-every", "3"));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("train: step 6/6 (100%)"), r.err());
        assertTrue(r.out().startsWith("trained lj13 at T = 4.0 to step 6"), r.out());
        Path model = out.resolve("model");
        for (String f : List.of("model.json", "score.onnx", "energy.onnx", "smc_step.onnx", "parameters.safetensors")) {
            assertTrue(Files.isRegularFile(model.resolve(f)), f);
        }
        JsonNode json = new ObjectMapper().readTree(model.resolve("model.json").toFile());
        assertEquals(6, json.at("/training/steps").asLong());
        assertEquals(1.0, json.at("/beta/0").asDouble(), "β = T0/T = 4/4");
        assertEquals("egnn", json.at("/architecture/kind").asText());
        assertEquals(16, json.at("/architecture/hidden").asInt(), "--size small");
        assertEquals(out.resolve("checkpoints").resolve(Checkpoint.fileName(6)), Checkpoint.latest(out.resolve("checkpoints")).orElseThrow());

        Cli.Result again = Cli.run(train(set, out, "--steps", "6"));
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("already exists: pass --resume"), again.err());

        Cli.Result resumed = Cli.run(train(set, out, "--steps", "9", "--resume"));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.err().contains("resuming at step 6"), resumed.err());
        assertEquals(9, new ObjectMapper().readTree(model.resolve("model.json").toFile()).at("/training/steps").asLong());
        assertFalse(Files.exists(out.resolve("model.previous")));

        Cli.Result done = Cli.run(train(set, out, "--steps", "9", "--resume"));
        assertEquals(2, done.exitCode());
        assertTrue(done.err().contains("already trained to step 9"), done.err());
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws Exception {
        Path lj = samples("lj13", 4, 8, "lj13.arrow"), dw = samples("dw4", 1, 8, "dw4.arrow");
        Path garbage = Files.write(dir.resolve("garbage.arrow"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        Path out = dir.resolve("out");
        assertBad("missing.arrow: no such file", train(dir.resolve("missing.arrow"), out));
        assertBad("garbage.arrow", train(garbage, out));
        assertBad("holds samples of 'dw4', not of 'lj13'", train(dw, out));
        assertBad("--arch must be egnn, dit or mlp, got 'cnn'", train(lj, out, "--arch", "cnn"));
        assertBad("--size must be small or reference", new String[] {"train", "--system", "lj13", "--samples", lj.toString(),
                "--temperature", "4", "--size", "huge", "--out", out.toString()});
        assertBad("was sampled at T = 4.0, not at --temperature 2.0", new String[] {"train", "--system", "lj13", "--samples", lj.toString(),
                "--temperature", "2", "--out", out.toString()});
        assertBad("--steps must be at least 1", train(lj, out, "--steps", "0"));
        assertBad("nothing to resume", train(lj, out, "--resume"));
        assertBad("unknown system", new String[] {"train", "--system", "lj99", "--samples", lj.toString(), "--temperature", "4"});

        // a set of the right system but with another dimension, and one with overlapping particles (infinite energy)
        SampleSet wrongDim = new SampleSet("lj13", 4, "reduced", List.of(), "test", 1, 6, new double[12], new double[2], new double[2], null);
        Path wd = dir.resolve("wrong-dim.arrow");
        SampleSetCodec.write(wrongDim, wd);
        assertBad("has 6 coordinates per sample; lj13 has 39", train(wd, out));
        SampleSet collapsed = new SampleSet("lj13", 4, "reduced", List.of(), "test", 1, 39, new double[39], new double[1], new double[1], null);
        Path cf = dir.resolve("collapsed.arrow");
        SampleSetCodec.write(collapsed, cf);
        assertBad("sample 0 has a non-finite energy", train(cf, out));
        assertFalse(Files.exists(out), "no output directory is left by refused runs");
    }

    private static void assertBad(String expected, String[] args) {
        Cli.Result r = Cli.run(args);
        assertEquals(2, r.exitCode(), String.join(" ", args) + "\n" + r.err());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
        assertEquals(1, r.errLines().size(), "one line: " + r.err());
    }
}
