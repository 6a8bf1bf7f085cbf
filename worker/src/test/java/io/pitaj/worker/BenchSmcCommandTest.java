package io.pitaj.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code pita bench smc} and {@code pita bench md} end to end on tiny sizes: what they report, not how fast. */
class BenchSmcCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SHARES = {"share_forward", "share_divergence", "share_target", "share_resampling", "share_host"};

    private static JsonNode oneJsonLine(Cli.Result r) throws Exception {
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, r.outLines().size(), r.out());
        return JSON.readTree(r.out());
    }

    private static void assertShares(JsonNode o) {
        double sum = 0;
        for (String f : SHARES) {
            double v = o.get(f).asDouble();
            assertTrue(v >= 0 && v <= 1, f + " = " + v);
            sum += v;
        }
        assertEquals(1, sum, 1e-9, "the shares split the loop time");
        assertTrue(o.get("particle_steps_per_s").asDouble() > 0);
        assertTrue(o.get("setup_s").asDouble() > 0);
        assertTrue(o.get("loop_s").asDouble() > 0);
    }

    @Test
    void smcOnLj13WithATinyEgnn() throws Exception {
        Cli.Result r = Cli.run("bench", "smc", "--system", "lj13", "--hidden", "4", "--layers", "1", "--particles", "4", "--steps", "2",
                "--threads", "1", "--json");
        JsonNode o = oneJsonLine(r);
        assertEquals("lj13", o.get("system").asText());
        assertEquals("egnn", o.get("arch").asText(), "the reference backbone of lj13");
        assertEquals(4, o.get("particles").asInt());
        assertEquals(2, o.get("steps").asInt());
        assertEquals(4, o.get("chunk").asInt(), "default chunk: all particles");
        assertEquals(1, o.get("threads").asInt());
        assertEquals("cpu", o.get("provider").asText().toLowerCase(java.util.Locale.ROOT));
        assertShares(o);
        assertTrue(o.get("model_evaluations").asLong() >= 4 * 2, r.out());
        assertTrue(o.get("target_evaluations").asLong() > 0, "LJ runs end with SNIS against the target: " + r.out());
        assertTrue(r.err().contains("bench: SMC on lj13, egnn, 4 particles, 2 steps, chunk 4"), r.err());
        assertTrue(r.err().contains("bench: step 2/2"), r.err());
    }

    @Test
    void smcOnAldpWithATinyDit() throws Exception {
        Cli.Result r = Cli.run("bench", "smc", "--system", "aldp", "--layers", "1", "--hidden", "24", "--heads", "2", "--particles", "2",
                "--steps", "1", "--threads", "1", "--json");
        JsonNode o = oneJsonLine(r);
        assertEquals("aldp", o.get("system").asText());
        assertEquals("dit", o.get("arch").asText());
        assertShares(o);
        assertEquals(2, o.get("model_evaluations").asLong(), "particles × steps, no final SNIS for a peptide");
    }

    @Test
    void smcTextOutputAndChunking() {
        Cli.Result r = Cli.run("bench", "smc", "--system", "dw4", "--hidden", "4", "--layers", "1", "--particles", "3", "--steps", "1",
                "--chunk", "2", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("SMC on dw4 (egnn, 3 particles, 1 steps): "), r.out());
        assertTrue(r.out().contains("particle-steps/s"), r.out());
    }

    @Test
    void smcRefusesBadSizes() {
        SampleCommandTest.assertOneLineError(Cli.run("bench", "smc", "--particles", "0"), "--particles and --steps must be at least 1");
        SampleCommandTest.assertOneLineError(Cli.run("bench", "smc", "--steps", "0"), "--particles and --steps must be at least 1");
        SampleCommandTest.assertOneLineError(Cli.run("bench", "smc", "--chunk", "0"), "--chunk must be at least 1, got 0");
        SampleCommandTest.assertOneLineError(Cli.run("bench", "smc", "--arch", "cnn"), "--arch must be egnn, dit or mlp, got 'cnn'");
        SampleCommandTest.assertOneLineError(Cli.run("bench", "smc", "--system", "lj7"), "unknown system 'lj7'");
    }

    @Test
    void mdOnDw4() throws Exception {
        Cli.Result r = Cli.run("bench", "md", "--system", "dw4", "--chains", "4", "--steps", "20", "--warmup", "5", "--threads", "1", "--json");
        JsonNode o = oneJsonLine(r);
        assertEquals("dw4", o.get("system").asText());
        assertEquals(4, o.get("chains").asInt());
        assertEquals(20, o.get("steps").asInt());
        assertEquals(1, o.get("threads").asInt());
        assertEquals(0.005, o.get("time_step").asDouble());
        double perChain = o.get("steps_per_s").asDouble(), aggregate = o.get("aggregate_steps_per_s").asDouble();
        assertTrue(perChain > 0, r.out());
        assertEquals(4 * perChain, aggregate, 1e-9 * aggregate, "aggregate = chains × per-chain rate");
        double kinetic = o.get("kinetic_temperature").asDouble();
        assertTrue(kinetic > 0 && Double.isFinite(kinetic), r.out());
    }

    @Test
    void mdOnAldpUsesPitasTimeStep() throws Exception {
        Cli.Result r = Cli.run("bench", "md", "--system", "aldp", "--chains", "2", "--steps", "5", "--warmup", "0", "--threads", "1",
                "--temperature", "300");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Langevin MD on aldp, 2 chains: "), r.out());
        Cli.Result j = Cli.run("bench", "md", "--system", "aldp", "--chains", "2", "--steps", "5", "--warmup", "0", "--threads", "1",
                "--temperature", "300", "--json");
        JsonNode o = oneJsonLine(j);
        assertEquals(0.001, o.get("time_step").asDouble(), "PITA's 1 fs");
        // velocities start Maxwell–Boltzmann at 300 K: after 5 fs the kinetic temperature is still of that order
        double kinetic = o.get("kinetic_temperature").asDouble();
        assertTrue(kinetic > 100 && kinetic < 900, "kinetic temperature " + kinetic);
    }

    @Test
    void mdRefusesBadSizes() {
        SampleCommandTest.assertOneLineError(Cli.run("bench", "md", "--chains", "0"), "--chains and --steps must be at least 1");
        SampleCommandTest.assertOneLineError(Cli.run("bench", "md", "--steps", "0"), "--chains and --steps must be at least 1");
        SampleCommandTest.assertOneLineError(Cli.run("bench", "md", "--warmup", "-1"), "--warmup not negative");
        SampleCommandTest.assertOneLineError(Cli.run("bench", "md", "--threads", "0"), "--threads must be at least 1, got 0");
    }
}
