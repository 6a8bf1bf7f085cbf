package io.pitaj.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
