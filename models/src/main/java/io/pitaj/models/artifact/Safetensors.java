package io.pitaj.models.artifact;

import io.pitaj.models.onnx.HostTensor;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tensor files in the safetensors layout of Hugging Face's {@code safetensors} package, so that Python
 * ({@code safetensors.numpy.load_file}, {@code safetensors.torch.load_file}) reads what the project writes and the
 * other way round. Element types: F32, F64, I64 and BOOL. The layout is described in docs/model-artifact.md.
 */
public final class Safetensors {
    /** The tensors of a file in the order of their data, and its metadata (empty when the file has none). */
    public record Contents(LinkedHashMap<String, HostTensor> tensors, Map<String, String> metadata) {}

    private Safetensors() {}

    /**
     * Writes the tensors, their data in the map's iteration order, and the metadata. The file appears whole or not
     * at all: it is written to a sibling, forced to disk and then moved over {@code file}, replacing what was there.
     */
    public static void write(Path file, Map<String, HostTensor> tensors, Map<String, String> metadata) {
        SafetensorsWriter.write(file, tensors, metadata);
    }

    /** Reads a whole file; a malformed one raises {@link SafetensorsFormatException}. */
    public static Contents read(Path file) {
        return SafetensorsReader.read(file);
    }
}
