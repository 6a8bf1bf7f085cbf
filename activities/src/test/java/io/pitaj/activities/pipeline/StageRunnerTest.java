package io.pitaj.activities.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.activities.provenance.ArtifactRef;
import io.pitaj.activities.provenance.ProvenanceRecord;
import io.pitaj.activities.spec.Presets;
import io.pitaj.activities.store.ArtifactStore;
import io.pitaj.activities.store.EmbeddedS3;
import io.pitaj.activities.store.S3ArtifactStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stage cache on a real embedded S3 store: reuse, recomputation after damage, keys that follow the inputs. */
class StageRunnerTest {
    @TempDir
    Path dir;

    private final RunRequest run = new RunRequest("r1", Presets.get("quick"), null);

    private StageResult stage(StageRunner runner, List<ArtifactRef> inputs, AtomicInteger calls, String content) {
        return runner.run(StageContext.standalone(), run, "rung-0/demo", 0, "demo", Map.of("n", 1), 7, inputs, w -> {
            calls.incrementAndGet();
            Files.writeString(w.outputs().resolve("out.txt"), content);
            return new StageRunner.Outcome(12, 3, Map.of("x", 1.5));
        });
    }

    @Test
    void aCompletedStageIsReusedADamagedOneRecomputedAndKeysFollowTheInputs() throws Exception {
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir.resolve("s3")); ArtifactStore store = S3ArtifactStore.open(s3.settings("pita"))) {
            StageRunner runner = new StageRunner(store, dir.resolve("work"), null, null, 1);
            AtomicInteger calls = new AtomicInteger();
            StageResult first = stage(runner, List.of(), calls, "one");
            assertFalse(first.cached());
            assertEquals(12, first.energyEvaluations());
            assertEquals(3.0, first.metrics().get("model_evaluations"));
            ProvenanceRecord record = ProvenanceRecord.fromJson(new String(store.getBytes(first.provenance()), StandardCharsets.UTF_8));
            assertEquals(first.outputs(), record.outputs(), "the record names the outputs with their digests");
            assertEquals("demo", record.kind());

            StageResult again = stage(runner, List.of(), calls, "one");
            assertTrue(again.cached());
            assertEquals(1, calls.get(), "the body ran once");
            assertEquals(first.outputs(), again.outputs());

            // an output replaced behind the store's back no longer matches its record: the stage runs again
            store.putBytes(runner.keyOf(first.output("out.txt")), "tampered".getBytes(StandardCharsets.UTF_8));
            StageResult redone = stage(runner, List.of(), calls, "one");
            assertFalse(redone.cached());
            assertEquals(2, calls.get());
            assertEquals(first.output("out.txt").sha256(), redone.output("out.txt").sha256());

            ArtifactRef input = store.putBytes("inputs/a", "a".getBytes(StandardCharsets.UTF_8));
            StageResult other = stage(runner, List.of(input), calls, "two");
            assertNotEquals(runner.keyOf(first.output("out.txt")), runner.keyOf(other.output("out.txt")), "another input, another key");
            assertTrue(store.verify(other.output("out.txt")));
        }
    }
}
