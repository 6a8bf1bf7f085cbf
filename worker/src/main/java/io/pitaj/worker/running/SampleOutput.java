package io.pitaj.worker.running;

import io.pitaj.activities.stages.EvaluatedSamples;
import io.pitaj.activities.store.SampleSet;
import io.pitaj.activities.store.SampleSetCodec;
import io.pitaj.models.targets.Target;
import io.pitaj.worker.UserInputException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * How the sampling commands write their Arrow sample sets: physical coordinates with the target's energies and
 * forces at the sampling temperature, the layout's metadata, and attributes saying how the samples were made and
 * what they cost. The output path is checked before any work starts and never overwritten.
 */
final class SampleOutput {
    private SampleOutput() {}

    /** A user error if {@code out} exists or its directory does not. */
    static void checkWritable(Path out) {
        if (Files.exists(out)) throw new UserInputException(out + " already exists; choose another --out");
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) throw new UserInputException("directory " + dir + " does not exist");
    }

    /**
     * Evaluates and writes the set ({@link EvaluatedSamples#of}); returns how many non-finite configurations were
     * left out.
     */
    static int write(Target target, double temperature, String producer, long seed, double[] xPhysical, double[] logWeight,
                     Map<String, String> attributes, Path out) {
        SampleSet set = EvaluatedSamples.of(target, temperature, producer, seed, xPhysical, logWeight, attributes);
        write(set, out);
        return EvaluatedSamples.dropped(set);
    }

    /** Writes a finished set; a user error if the file cannot be written. */
    static void write(SampleSet set, Path out) {
        try {
            SampleSetCodec.write(set, out);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("cannot write " + out + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UserInputException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
