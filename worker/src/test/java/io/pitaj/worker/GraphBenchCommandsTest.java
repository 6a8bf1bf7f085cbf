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
        Cli.Result r = Cli.run("bench", "train-step", "--dim", "4", "--hidden", "8", "--layers", "2", "--batch", "16",
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
        Cli.Result r = Cli.run("bench", "train-step", "--dim", "3", "--hidden", "4", "--layers", "1", "--batch", "8",
                "--threads", "1", "--steps", "5", "--warmup", "0", "--double-backprop", "--dtype", "f64", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode o = JSON.readTree(r.out());
        assertTrue(o.get("double_backprop").asBoolean());
        assertEquals("f64", o.get("dtype").asText());
        assertTrue(Double.isFinite(o.get("final_loss").asDouble()));
    }

    @Test
    void divergenceReportsAllThreeGraphs() throws Exception {
        Cli.Result r = Cli.run("bench", "divergence", "--dim", "5", "--hidden", "8", "--layers", "1", "--batch", "4",
                "--threads", "1", "--reps", "2", "--probes", "3", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode o = JSON.readTree(r.out());
        for (String f : new String[] {"forward_ms", "exact_divergence_ms", "hutchinson_ms"}) assertTrue(o.get(f).asDouble() > 0, f);
        assertEquals(3, o.get("probes").asInt());
        assertTrue(r.err().contains("timing exact_divergence"), r.err());
    }
}
