package io.pitaj.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BenchEnergyCommandTest {
    @Test
    void jsonReportWithProgressOnStderr() throws Exception {
        Cli.Result r = Cli.run("bench", "energy", "--system", "lj13", "--batch", "16", "--threads", "2", "--seconds", "0.05", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals("lj13", o.get("system").asText());
        assertEquals(16, o.get("batch").asInt());
        assertEquals(2, o.get("threads").asInt());
        assertTrue(o.get("forces").asBoolean());
        assertTrue(o.get("evals_per_second").asDouble() > 0);
        assertEquals(11, r.errLines().size(), r.err());
    }

    @Test
    void textReportWithoutForces() {
        Cli.Result r = Cli.run("bench", "energy", "--system", "oh", "--batch", "3", "--threads", "1", "--seconds", "0.02", "--no-forces");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, r.outLines().size());
        assertTrue(r.out().startsWith("oh: "), r.out());
        assertTrue(r.out().contains("forces off"), r.out());
        assertFalse(r.err().contains("forces on"), r.err());
    }
}
