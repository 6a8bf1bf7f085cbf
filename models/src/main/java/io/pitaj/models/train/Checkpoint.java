package io.pitaj.models.train;

import static io.pitaj.models.train.TrainingGraphNames.*;

import io.pitaj.models.artifact.Safetensors;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.nn.Parameter;
import io.pitaj.models.nn.ParameterSet;
import io.pitaj.models.onnx.ElementType;
import io.pitaj.models.onnx.HostTensor;
import io.pitaj.models.runtime.GraphTensors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Everything a run needs to continue bit-identically: parameters, EMA, Adam moments, the update count, the run
 * seed (every step's draws derive from (seed, step), so that is the whole generator state) and the architecture it
 * belongs to. Stored as one safetensors file ({@code param/…}, {@code ema/…}, {@code adam_m/…}, {@code adam_v/…} in
 * the training precision; seed, step and architecture in the metadata), written atomically.
 *
 * @param architecture the backbone configuration's description; a resume with another architecture is refused
 */
public record Checkpoint(TrainingState state, long seed, String architecture) {
    public static final String FORMAT = "pita-j-checkpoint/1";
    private static final Pattern FILE = Pattern.compile("step-(\\d+)\\.safetensors");

    /** The file name of the checkpoint after {@code step} updates. */
    public static String fileName(long step) { return String.format("step-%09d.safetensors", step); }

    /** Writes into {@code dir} (created if needed) under {@link #fileName}; values in {@code type}. */
    public Path write(Path dir, ElementType type) {
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        put(tensors, PARAM, state.params(), type);
        put(tensors, EMA, state.ema(), type);
        put(tensors, ADAM_M, state.adamM(), type);
        put(tensors, ADAM_V, state.adamV(), type);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("step", Long.toString(state.step()));
        meta.put("seed", Long.toString(seed));
        meta.put("architecture", architecture);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create checkpoint directory " + dir, e);
        }
        Path file = dir.resolve(fileName(state.step()));
        Safetensors.write(file, tensors, meta);
        return file;
    }

    private static void put(Map<String, HostTensor> out, String prefix, ParameterSet set, ElementType type) {
        for (Parameter p : set.parameters()) out.put(prefix + p.name(), GraphTensors.toHost(p.tensor(), type));
    }

    /** Reads a checkpoint file; throws IllegalArgumentException naming the file if it is not one. */
    public static Checkpoint read(Path file) {
        Safetensors.Contents c = Safetensors.read(file);
        Map<String, String> meta = c.metadata();
        if (!FORMAT.equals(meta.get("format"))) throw new IllegalArgumentException(file + " is not a PITA-J checkpoint (format " + meta.get("format") + ")");
        try {
            TrainingState state = new TrainingState(take(c.tensors(), PARAM), take(c.tensors(), EMA), take(c.tensors(), ADAM_M),
                    take(c.tensors(), ADAM_V), Long.parseLong(meta.get("step")));
            return new Checkpoint(state, Long.parseLong(meta.get("seed")), meta.get("architecture"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is a damaged checkpoint: " + e.getMessage(), e);
        }
    }

    private static ParameterSet take(Map<String, HostTensor> tensors, String prefix) {
        ParameterSet set = new ParameterSet();
        tensors.forEach((name, value) -> {
            if (!name.startsWith(prefix)) return;
            Tensor t = GraphTensors.fromHost(value);
            set.add(name.substring(prefix.length()), t.shape(), t.data());
        });
        return set;
    }

    /** The checkpoint with the highest step in {@code dir}, if any. */
    public static Optional<Path> latest(Path dir) {
        return list(dir).stream().max(Comparator.comparingLong(Checkpoint::stepOf));
    }

    /** Deletes all but the {@code keep} newest checkpoints in {@code dir}. */
    public static void prune(Path dir, int keep) {
        List<Path> files = list(dir);
        files.sort(Comparator.comparingLong(Checkpoint::stepOf).reversed());
        for (Path old : files.subList(Math.min(keep, files.size()), files.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete old checkpoint " + old, e);
            }
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) return new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.filter(p -> FILE.matcher(p.getFileName().toString()).matches()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + dir, e);
        }
    }

    private static long stepOf(Path file) {
        Matcher m = FILE.matcher(file.getFileName().toString());
        if (!m.matches()) throw new IllegalArgumentException(file + " is not a checkpoint file name");
        return Long.parseLong(m.group(1));
    }
}
