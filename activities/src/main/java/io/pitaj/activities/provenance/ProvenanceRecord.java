package io.pitaj.activities.provenance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stage's provenance (DESIGN §3) as JSON: what it read and wrote (with digests), with which parameters and seed,
 * by which code on which runtime, when, at which attempt, what target-energy evaluations it spent and its headline
 * numbers. Enough to trace any artifact back to its inputs and to rerun the stage.
 *
 * @param stage             stage id (unique within a run, or the command for standalone stages)
 * @param rung              ladder rung, null outside a ladder
 * @param kind              what the stage does (reference, hot-samples, train, anneal, relax, evaluate, report)
 * @param parameters        every option the stage ran with, defaults included, as strings
 * @param started           ISO-8601 instant (UTC) the stage began, {@code ended} when it finished
 * @param energyEvaluations target-energy evaluations the stage spent (forces counted with their energies)
 * @param metrics           headline numbers (diagnostics, ESS, metric values)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProvenanceRecord(String stage, Integer rung, String kind, List<ArtifactRef> inputs, List<ArtifactRef> outputs,
                               Map<String, String> parameters, long seed, CodeVersion code, RuntimeInfo runtime, String started,
                               String ended, int attempt, long energyEvaluations, Map<String, Double> metrics) {
    /** Suffix of the record that sits beside a stored file: {@code ref.arrow} → {@code ref.provenance.json}. */
    public static final String SIDECAR_SUFFIX = ".provenance.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public ProvenanceRecord {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        parameters = new TreeMap<>(parameters);
        metrics = new TreeMap<>(metrics);
    }

    /** The sidecar path of a stored file: the file name without its extension, plus {@value #SIDECAR_SUFFIX}. */
    public static Path sidecar(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + SIDECAR_SUFFIX);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the record to {@code file} atomically (a temporary sibling moved into place); never over an existing file. */
    public void write(Path file) {
        if (Files.exists(file)) throw new UncheckedIOException(new java.nio.file.FileAlreadyExistsException(file + " exists; provenance is never overwritten"));
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            Files.writeString(tmp, toJson());
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static ProvenanceRecord fromJson(String json) {
        try {
            return JSON.readValue(json, ProvenanceRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a provenance record: " + e.getMessage(), e);
        }
    }

    public static ProvenanceRecord read(Path file) {
        try {
            return JSON.readValue(file.toFile(), ProvenanceRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the provenance record " + file + ": " + e.getMessage(), e);
        }
    }
}
