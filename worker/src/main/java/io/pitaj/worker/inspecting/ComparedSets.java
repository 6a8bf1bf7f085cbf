package io.pitaj.worker.inspecting;

import io.pitaj.activities.stages.EvaluatedSamples;
import io.pitaj.activities.store.SampleSet;
import io.pitaj.activities.store.SampleSetCodec;
import io.pitaj.activities.store.SampleSetFormatException;
import io.pitaj.models.metrics.SampleComparison;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.models.targets.Target;
import io.pitaj.worker.PitaCli;
import io.pitaj.worker.UserInputException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A sample set, optionally its reference, and the system both belong to, read and checked once for
 * {@code pita eval} and {@code pita plot}: same system, dimension, atom order and temperature, and atoms that are
 * the system's. Every mismatch is a user error naming both files. Owns the target; close it.
 */
final class ComparedSets implements AutoCloseable {
    final SampleSet samples;
    /** Null when no reference was given. */
    final SampleSet reference;
    final SystemInfo<?> info;
    final Target target;

    private ComparedSets(SampleSet samples, SampleSet reference, SystemInfo<?> info, Target target) {
        this.samples = samples;
        this.reference = reference;
        this.info = info;
        this.target = target;
    }

    /** @param system the system's name or mixture file, or null for the one named in the sample set */
    static ComparedSets load(PitaCli pita, Path samplesFile, Path referenceFile, String system) {
        SampleSet a = read(samplesFile), b = referenceFile == null ? null : read(referenceFile);
        if (b != null) {
            if (!a.system().equals(b.system())) throw new UserInputException(samplesFile + " holds " + a.system() + " but " + referenceFile + " holds " + b.system());
            if (a.dim() != b.dim()) throw new UserInputException(samplesFile + " has " + a.dim() + " coordinates per sample, " + referenceFile + " has " + b.dim());
            if (!a.atoms().equals(b.atoms())) throw new UserInputException(samplesFile + " and " + referenceFile + " list their atoms in different orders");
            if (Double.compare(a.temperature(), b.temperature()) != 0) {
                throw new UserInputException(samplesFile + " is at T = " + a.temperature() + ", " + referenceFile + " at T = " + b.temperature());
            }
        }
        SystemInfo<?> info = pita.system(system != null ? system : a.system());
        if (info.dimension() != a.dim()) throw new UserInputException("system " + info.name() + " has " + info.dimension() + " coordinates, the sets " + a.dim());
        Target target = info.create(TargetOptions.DEFAULTS);
        if (!target.elementSymbols().isEmpty() && !a.atoms().isEmpty() && !a.atoms().equals(target.elementSymbols())) {
            target.close();
            throw new UserInputException("the sets' atoms " + a.atoms() + " are not " + info.name() + "'s " + target.elementSymbols());
        }
        return new ComparedSets(a, b, info, target);
    }

    /** {@code pita eval}'s table; needs a reference. */
    Map<String, Object> table(long seed) {
        try {
            return SampleComparison.compare(target, samples.temperature(), set(samples), set(reference), seed, EvaluatedSamples.targetEvaluations(samples));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    private static SampleComparison.Set set(SampleSet s) { return new SampleComparison.Set(s.x(), s.logWeight(), s.energy()); }

    private static SampleSet read(Path file) {
        try {
            return SampleSetCodec.read(file);
        } catch (SampleSetFormatException e) {
            throw new UserInputException(e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() { target.close(); }
}
