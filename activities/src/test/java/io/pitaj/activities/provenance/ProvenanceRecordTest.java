package io.pitaj.activities.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceRecordTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsWithDigestsAndSnakeCaseKeys() throws Exception {
        Path data = dir.resolve("ref.arrow");
        Files.writeString(data, "abc");
        ArtifactRef out = ArtifactRef.of(data);
        // sha256("abc"), FIPS 180-2's first example
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", out.sha256());
        assertEquals(3, out.bytes());
        ProvenanceRecord r = new ProvenanceRecord("reference", null, "reference", List.of(), List.of(out), Map.of("--samples", "10"), 7,
                CodeVersion.current(), RuntimeInfo.hostOnly(2), "2026-12-02T04:00:00Z", "2026-12-02T04:01:00Z", 1, 1234, Map.of("rhat_energy", 1.001));
        Path file = ProvenanceRecord.sidecar(data);
        assertEquals("ref.provenance.json", file.getFileName().toString());
        r.write(file);
        String json = Files.readString(file);
        assertTrue(json.contains("\"energy_evaluations\" : 1234"), json);
        assertFalse(json.contains("\"rung\""), "absent rung is left out");
        assertEquals(r, ProvenanceRecord.read(file));
        assertThrows(UncheckedIOException.class, () -> r.write(file), "never overwritten");
    }

    @Test
    void aChangedFileNoLongerMatchesItsReference() throws Exception {
        Path data = dir.resolve("x.arrow");
        Files.writeString(data, "one");
        ArtifactRef ref = ArtifactRef.of(data);
        assertTrue(ref.matches(data));
        Files.writeString(data, "two");
        assertFalse(ref.matches(data));
        assertFalse(ref.matches(dir.resolve("missing")));
    }

    @Test
    void theBuildStampsItsVersionAndCommit() {
        CodeVersion v = CodeVersion.current();
        assertNotEquals("unknown", v.version());
        assertTrue(v.commit().equals("unknown") || v.commit().matches("[0-9a-f]{40}(-dirty)?"), v.commit());
    }
}
