package io.pitaj.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.activities.provenance.ArtifactRef;
import io.pitaj.activities.provenance.ProvenanceRecord;
import io.pitaj.activities.store.SampleSet;
import io.pitaj.activities.store.SampleSetCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pita reference}: pita sample's machinery restricted to exact, pt and md, with energy diagnostics. */
class ReferenceCommandTest {
    @TempDir
    Path dir;

    @Test
    void replicaExchangeReferenceCarriesItsDiagnostics() {
        Path out = dir.resolve("ref.arrow");
        Cli.Result r = Cli.run("reference", "--system", "mog4", "--method", "pt", "--temperature", "1", "--samples", "800", "--chains", "16",
                "--warmup", "100", "--thin", "2", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("split R-hat"), r.out());
        SampleSet s = SampleSetCodec.read(out);
        assertEquals("pita reference pt", s.producer());
        double rhat = Double.parseDouble(s.attributes().get("rhat_energy"));
        double iat = Double.parseDouble(s.attributes().get("iat_energy"));
        double ess = Double.parseDouble(s.attributes().get("ess_energy"));
        assertTrue(rhat > 0.9 && rhat < 1.2, "well-mixed replica exchange: R-hat " + rhat);
        assertTrue(iat >= 0.5 && ess > 0 && ess <= 800 / Math.max(iat, 1) + 1e-6, "τ " + iat + ", ESS " + ess);
    }

    @Test
    void onlyExactReplicaExchangeAndMdMakeReferences() throws Exception {
        Path out = dir.resolve("x.arrow");
        Cli.Result r = Cli.run("reference", "--system", "lj13", "--method", "mala", "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("choose exact, pt, md"), r.err());
        assertTrue(Files.notExists(out));
    }

    /**
     * A reference is stored with its provenance record and reused when asked for again: same parameters and an
     * unchanged file are reused without sampling; other parameters or a changed file are refused (exit 2), and
     * nothing stored is touched.
     */
    @Test
    void aStoredReferenceIsRecordedAndReusedButNeverOverwritten() throws Exception {
        Path out = dir.resolve("ref.arrow");
        String[] args = {"reference", "--system", "mog4", "--samples", "500", "--seed", "3", "--out", out.toString()};
        Cli.Result first = Cli.run(args);
        assertEquals(0, first.exitCode(), first.err());
        Path record = ProvenanceRecord.sidecar(out);
        ProvenanceRecord r = ProvenanceRecord.read(record);
        assertEquals("reference", r.kind());
        assertEquals(ArtifactRef.of(out), r.outputs().get(0));
        assertEquals("500", r.parameters().get("--samples"));
        assertEquals("1.0", r.parameters().get("--temperature"), "the resolved default is recorded");
        byte[] stored = Files.readAllBytes(out);

        Cli.Result again = Cli.run(args);
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().startsWith("reusing " + out), again.out());
        Cli.Result explicit = Cli.run("reference", "--system", "mog4", "--samples", "500", "--seed", "3", "--temperature", "1", "--out", out.toString());
        assertEquals(0, explicit.exitCode(), "the default spelled out is the same reference: " + explicit.err());

        Cli.Result other = Cli.run("reference", "--system", "mog4", "--samples", "600", "--seed", "3", "--out", out.toString());
        assertEquals(2, other.exitCode());
        assertTrue(other.err().contains("made with --samples 500, not 600"), other.err());
        assertArrayEquals(stored, Files.readAllBytes(out));

        Files.write(out, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        Cli.Result changed = Cli.run(args);
        assertEquals(2, changed.exitCode());
        assertTrue(changed.err().contains("no longer matches the sha256"), changed.err());
        assertEquals(1, changed.err().strip().lines().count(), changed.err());
    }
}
