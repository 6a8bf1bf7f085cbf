package io.pitaj.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SystemsCommandTest {
    @Test
    void jsonListsEverySystemWithItsLadder() throws Exception {
        Cli.Result r = Cli.run("systems", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode systems = new ObjectMapper().readTree(r.out());
        assertEquals(Cli.CATALOG.names().size(), systems.size());
        JsonNode lj13 = systems.get(Cli.CATALOG.names().indexOf("lj13"));
        assertEquals("lj13", lj13.get("name").asText());
        assertEquals(39, lj13.get("dimension").asInt());
        assertEquals(13, lj13.get("particles").asInt());
        assertEquals(3, lj13.get("spatial_dim").asInt());
        assertEquals("reduced", lj13.get("energy_unit").asText());
        assertEquals("[4.0,3.0,2.0,1.5,1.2,1.0]", lj13.get("ladder").toString());
        assertEquals(1.0, lj13.get("target_temperature").asDouble());
        JsonNode oh = systems.get(Cli.CATALOG.names().indexOf("aldp"));
        assertEquals("kJ/mol", oh.get("energy_unit").asText());
        assertEquals("nm", oh.get("length_unit").asText());
        assertTrue(oh.get("has_cutoff").asBoolean());
    }

    @Test
    void tableHasAHeaderAndOneRowPerSystem() {
        Cli.Result r = Cli.run("systems");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1 + Cli.CATALOG.names().size(), r.outLines().size());
        assertTrue(r.outLines().get(0).startsWith("NAME"));
        String lj13 = r.outLines().get(1 + Cli.CATALOG.names().indexOf("lj13"));
        assertTrue(lj13.matches("lj13\\s+39\\s+13 × 3-D\\s+reduced\\s+4, 3, 2, 1.5, 1.2, 1 reduced\\s+.*"), lj13);
        String mog4 = r.outLines().get(1 + Cli.CATALOG.names().indexOf("mog4"));
        assertTrue(mog4.matches("mog4\\s+2\\s+1 × 2-D\\s+reduced\\s+4, 2, 1 reduced\\s+.*"), mog4);
    }

    @Test
    void versionAndHelp() {
        Cli.Result version = Cli.run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("pita "), version.out());
        Cli.Result help = Cli.run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("systems") && help.out().contains("energy") && help.out().contains("bench"), help.out());
    }
}
