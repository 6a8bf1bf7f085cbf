package io.pitaj.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The graph benchmarks run end to end on tiny networks and report what they measured (speed is not asserted). */
class GraphBenchCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void trainStepReportsTimeAndADescendingLoss() throws Exception {
        Cli.Result r = Cli.run("bench", "mlp-step", "--dim", "4", "--hidden", "8", "--layers", "2", "--batch", "16",
                "--threads", "1", "--steps", "30", "--warmup", "2", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode o = JSON.readTree(r.out());
        assertTrue(o.get("ms_per_step").asDouble() > 0);
        assertEquals("cpu", o.get("provider").asText());
        assertEquals(4 * 8 + 8 + 8 * 8 + 8 + 8 * 4 + 4, o.get("parameters").asInt());
        assertTrue(o.get("final_loss").asDouble() < o.get("first_loss").asDouble(), r.out());
    }

    @Test
    void doubleBackpropStepInFloat64() throws Exception {
        Cli.Result r = Cli.run("bench", "mlp-step", "--dim", "3", "--hidden", "4", "--layers", "1", "--batch", "8",
                "--threads", "1", "--steps", "5", "--warmup", "0", "--double-backprop", "--dtype", "f64", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode o = JSON.readTree(r.out());
        assertTrue(o.get("double_backprop").asBoolean());
        assertEquals("f64", o.get("dtype").asText());
        assertTrue(Double.isFinite(o.get("final_loss").asDouble()));
    }

    @Test
    void divergenceReportsTheThreeStepGraphsOfASmallEgnnPair() throws Exception {
        Cli.Result r = Cli.run("bench", "divergence", "--system", "lj13", "--hidden", "4", "--layers", "1", "--batch", "3",
                "--threads", "1", "--reps", "2", "--warmup", "0", "--probes", "2", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode o = JSON.readTree(r.out());
        for (String f : new String[] {"session_s", "forward_ms", "exact_ms", "hutchinson_ms", "peak_rss_mb"}) {
            assertTrue(o.get(f).asDouble() > 0, f);
        }
        assertEquals("egnn", o.get("arch").asText());
        assertEquals(13, o.get("per_pass").asInt(), "39 coordinates in three passes on CPU");
        assertEquals(2, o.get("probes").asInt());
        assertTrue(r.err().contains("exact step graph"), r.err());
    }

    @Test
    void divergenceTakesAnotherArchitectureAndPassSize() throws Exception {
        Cli.Result r = Cli.run("bench", "divergence", "--system", "dw4", "--arch", "dit", "--hidden", "8", "--layers", "1",
                "--heads", "2", "--batch", "2", "--per-pass", "8", "--threads", "1", "--reps", "1", "--warmup", "0", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode o = JSON.readTree(r.out());
        assertEquals("dit", o.get("arch").asText());
        assertEquals(8, o.get("per_pass").asInt());
    }

    @Test
    void divergenceRejectsAnUnknownArchitecture() {
        Cli.Result r = Cli.run("bench", "divergence", "--arch", "resnet");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--arch must be egnn, dit or mlp"), r.err());
    }
}
