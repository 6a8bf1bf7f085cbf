package io.pitaj.models.artifact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The JSON header of a safetensors file: tensor entries and the optional string-to-string metadata. */
final class SafetensorsHeader {
    /** The largest header the Hugging Face reader accepts. */
    static final int MAX_BYTES = 100_000_000;
    static final String METADATA_KEY = "__metadata__";

    // Jackson's default string and name limits (20 M and 50 k characters) are below what a legal header may hold.
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(MAX_BYTES).maxNameLength(MAX_BYTES).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** A decoded header; the entries are in header order. */
    record Decoded(List<TensorEntry> entries, Map<String, String> metadata) {}

    private SafetensorsHeader() {}

    /**
     * Compact JSON, metadata first, tensors in the given order, padded with spaces to a multiple of 8 bytes as the
     * Python writer does, so that the data section starts 8-byte aligned. Empty metadata is left out.
     */
    static byte[] encode(List<TensorEntry> entries, Map<String, String> metadata) {
        ObjectNode root = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = root.putObject(METADATA_KEY);
            metadata.forEach((k, v) -> meta.put(Objects.requireNonNull(k, "metadata key"),
                    Objects.requireNonNull(v, () -> "metadata value of " + k)));
        }
        for (TensorEntry e : entries) {
            ObjectNode t = root.putObject(e.name());
            t.put("dtype", SafetensorsDtype.of(e.dtype()).name());
            ArrayNode shape = t.putArray("shape");
            for (long d : e.shape()) {
                shape.add(d);
            }
            t.putArray("data_offsets").add(e.begin()).add(e.end());
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a tree of strings and numbers", e);
        }
        int padded = Math.addExact(json.length, (8 - json.length % 8) % 8);
        if (padded > MAX_BYTES) {
            throw new IllegalArgumentException("the safetensors header would be " + padded
                    + " bytes, more than the " + MAX_BYTES + " that readers accept");
        }
        byte[] header = Arrays.copyOf(json, padded);
        Arrays.fill(header, json.length, padded, (byte) ' ');
        return header;
    }

    /** Parses a header and checks each entry on its own; {@link TensorLayout} checks how they fit together. */
    static Decoded decode(Path file, byte[] header) {
        // Decoded here, not by Jackson, which would take a header with zero bytes in it for UTF-16 or UTF-32.
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(header)).toString();
        } catch (CharacterCodingException e) {
            throw new SafetensorsFormatException(file, "the header is not valid UTF-8");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SafetensorsFormatException(file, "the header is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (at character " + e.getLocation().getCharOffset() + ")"));
        }
        if (!root.isObject()) {
            throw new SafetensorsFormatException(file, "the header is not a JSON object");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<TensorEntry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (field.getKey().equals(METADATA_KEY)) {
                readMetadata(file, field.getValue(), metadata);
            } else {
                entries.add(readEntry(file, field.getKey(), field.getValue()));
            }
        }
        return new Decoded(entries, metadata);
    }

    private static void readMetadata(Path file, JsonNode node, Map<String, String> into) {
        if (!node.isObject()) {
            throw new SafetensorsFormatException(file, METADATA_KEY + " is not an object");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isTextual()) {
                throw new SafetensorsFormatException(file, "metadata value of \"" + e.getKey()
                        + "\" is not a string: " + e.getValue());
            }
            into.put(e.getKey(), e.getValue().textValue());
        }
    }

    private static TensorEntry readEntry(Path file, String name, JsonNode node) {
        String where = "tensor \"" + name + "\": ";
        if (!node.isObject()) {
            throw new SafetensorsFormatException(file, where + "entry is not an object");
        }
        JsonNode dtypeNode = node.get("dtype");
        if (dtypeNode == null || !dtypeNode.isTextual()) {
            throw new SafetensorsFormatException(file, where + "dtype is missing or not a string");
        }
        SafetensorsDtype dtype = SafetensorsDtype.named(dtypeNode.textValue());
        if (dtype == null) {
            throw new SafetensorsFormatException(file, where + "unknown dtype \"" + dtypeNode.textValue()
                    + "\" (supported: " + Arrays.toString(SafetensorsDtype.values()) + ")");
        }
        long[] shape = naturals(file, where + "shape", node.get("shape"), -1);
        long[] offsets = naturals(file, where + "data_offsets", node.get("data_offsets"), 2);
        if (offsets[1] < offsets[0]) {
            throw new SafetensorsFormatException(file, where + "data_offsets " + Arrays.toString(offsets)
                    + " end before they begin");
        }
        long needed;
        try {
            needed = Math.multiplyExact(elementCount(shape), dtype.elementType.byteSize());
        } catch (ArithmeticException e) {
            throw new SafetensorsFormatException(file, where + "shape " + Arrays.toString(shape) + " is too large");
        }
        if (needed != offsets[1] - offsets[0]) {
            throw new SafetensorsFormatException(file, where + "shape " + Arrays.toString(shape) + " of " + dtype
                    + " needs " + needed + " bytes but data_offsets " + Arrays.toString(offsets) + " span "
                    + (offsets[1] - offsets[0]));
        }
        if (needed > Integer.MAX_VALUE) {
            throw new SafetensorsFormatException(file, where + needed + " bytes, more than the " + Integer.MAX_VALUE
                    + " a Java array holds");
        }
        return new TensorEntry(name, dtype.elementType, shape, offsets[0], offsets[1]);
    }

    /** An array of non-negative integers, of the given length unless that is negative. */
    private static long[] naturals(Path file, String what, JsonNode node, int length) {
        if (node == null || !node.isArray() || (length >= 0 && node.size() != length)) {
            throw new SafetensorsFormatException(file, what + " is missing or not an array"
                    + (length >= 0 ? " of " + length + " integers" : "") + ": " + node);
        }
        long[] values = new long[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = node.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
                throw new SafetensorsFormatException(file, what + " holds " + v
                        + ", not a non-negative 64-bit integer");
            }
            values[i] = v.longValue();
        }
        return values;
    }

    private static long elementCount(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }
}
