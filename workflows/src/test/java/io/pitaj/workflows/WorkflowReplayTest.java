package io.pitaj.workflows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.testing.WorkflowReplayer;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Determinism: every recorded history under {@code histories/} (see {@link RecordHistoriesTest}) replays against
 * the current workflow code. A change that alters the commands a recorded run issued — an activity moved, added or
 * removed, a child workflow or continue-as-new elsewhere — fails here with Temporal's NonDeterministicException,
 * before it can break runs in flight. Intentional changes go behind {@code Workflow.getVersion}.
 */
class WorkflowReplayTest {
    static List<Path> histories() throws Exception {
        try (Stream<Path> files = Files.walk(historiesFolder())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Path historiesFolder() throws URISyntaxException {
        return Path.of(WorkflowReplayTest.class.getResource("/histories").toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void aRecordedHistoryReplays(Path history) throws Exception {
        WorkflowReplayer.replayWorkflowExecution(Files.readString(history), LadderWorkflowImpl.class, RungWorkflowImpl.class);
    }

    /** An empty folder would pass vacuously: there is at least a ladder with both of its segments and its rungs. */
    @Test
    void theHistoriesCoverEveryWorkflow() throws Exception {
        List<String> names = histories().stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.contains("ladder-1.json") && names.contains("ladder-2.json") && names.contains("rung-0.json") && names.contains("rung-1.json"),
                "histories: " + names);
    }
}
