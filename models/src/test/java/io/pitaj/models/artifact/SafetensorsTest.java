package io.pitaj.models.artifact;

import io.pitaj.models.onnx.HostTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafetensorsTest {
    @TempDir
    Path dir;

    @Test
    void everyDtypeRoundTripsWithScalarsAndEmptyTensorsInInsertionOrder() {
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        tensors.put("z.weight", HostTensor.ofFloats(new float[] {1.5f, -2f, Float.NaN, 3e-30f, 0, -0f}, 2, 3));
        tensors.put("energy", HostTensor.ofDoubles(new double[] {Math.PI}));
        tensors.put("index", HostTensor.ofLongs(new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}, 4));
        tensors.put("mask", HostTensor.ofBooleans(new boolean[] {true, false, false, true}, 2, 2));
        tensors.put("flag", HostTensor.ofBooleans(new boolean[] {true}));
        tensors.put("none", HostTensor.ofFloats(new float[0], 0));
        tensors.put("no rows", HostTensor.ofLongs(new long[0], 0, 3));
        tensors.put("a.bias", HostTensor.ofDoubles(new double[] {-1e-300, Double.MAX_VALUE}, 2));
        Path file = dir.resolve("all.safetensors");

        Safetensors.write(file, tensors, Map.of());
        Safetensors.Contents back = Safetensors.read(file);

        assertEquals(List.copyOf(tensors.keySet()), List.copyOf(back.tensors().keySet()));
        tensors.forEach((name, t) -> assertTrue(t.sameContent(back.tensors().get(name)), name));
        assertEquals(Map.of(), back.metadata());
    }

    @Test
    void metadataRoundTripsAndIsLeftOutWhenEmpty() throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.put("note", "quotes \" backslash \\ newline \n unicode Å→∞");
        metadata.put("", "");
        Path with = dir.resolve("with.safetensors");
        Path without = dir.resolve("without.safetensors");
        Map<String, HostTensor> one = Map.of("x", HostTensor.ofFloats(new float[] {1f}, 1));

        Safetensors.write(with, one, metadata);
        Safetensors.write(without, one, Map.of());

        assertEquals(metadata, Safetensors.read(with).metadata());
        assertTrue(headerText(with).startsWith("{\"__metadata__\":{"), headerText(with));
        assertFalse(headerText(without).contains("__metadata__"), headerText(without));
    }

    @Test
    void headerIsPaddedWithSpacesSoTheDataStartsEightByteAligned() throws IOException {
        for (int nameLength = 1; nameLength <= 16; nameLength++) {
            Path file = dir.resolve("pad" + nameLength + ".safetensors");
            Safetensors.write(file, Map.of("n".repeat(nameLength), HostTensor.ofDoubles(new double[] {1, 2}, 2)),
                    Map.of());
            byte[] bytes = Files.readAllBytes(file);
            long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertEquals(0, (8 + n) % 8, "header length " + n);
            String header = headerText(file);
            String json = header.stripTrailing();
            assertTrue(json.endsWith("}"), header);
            assertTrue(header.length() - json.length() < 8, header);
            assertEquals(" ".repeat(header.length() - json.length()), header.substring(json.length()));
            assertEquals(8 + n + 16, bytes.length);
        }
    }

    @Test
    void bytesMatchTheSafetensorsLayoutExactly() throws IOException {
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        tensors.put("a", HostTensor.ofFloats(new float[] {1f, -2f}, 2));
        tensors.put("b", HostTensor.ofBooleans(new boolean[] {true}));
        Path file = dir.resolve("golden.safetensors");

        Safetensors.write(file, tensors, Map.of("k", "v"));

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        // 132 bytes of JSON + 4 spaces = 136 = 0x88
        expected.writeBytes(new byte[] {(byte) 0x88, 0, 0, 0, 0, 0, 0, 0});
        expected.writeBytes(("{\"__metadata__\":{\"k\":\"v\"},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"BOOL\",\"shape\":[],\"data_offsets\":[8,9]}}    ")
                .getBytes(StandardCharsets.US_ASCII));
        expected.writeBytes(new byte[] {0, 0, (byte) 0x80, 0x3F}); // 1.0f
        expected.writeBytes(new byte[] {0, 0, 0, (byte) 0xC0});    // -2.0f
        expected.writeBytes(new byte[] {1});                        // true
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file));
    }

    @Test
    void tensorsAreReturnedInDataOrderWhateverTheHeaderOrder() {
        Path file = file("{\"late\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[8,16]},"
                + "\"early\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[] {
                    7, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0});
        Safetensors.Contents c = Safetensors.read(file);
        assertEquals(List.of("early", "late"), List.copyOf(c.tensors().keySet()));
        assertArrayEquals(new long[] {7}, c.tensors().get("early").longs());
        assertArrayEquals(new long[] {9}, c.tensors().get("late").longs());
    }

    @Test
    void a100MegabyteTensorRoundTrips() {
        float[] big = new float[25_000_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = i * 0.5f;
        }
        Path file = dir.resolve("big.safetensors");
        Safetensors.write(file, Map.of("big", HostTensor.ofFloats(big, 5_000, 5_000)), Map.of());
        assertArrayEquals(big, Safetensors.read(file).tensors().get("big").floats());
    }

    @Test
    void writingReplacesTheFileAndLeavesNoTemporarySibling() throws IOException {
        Path file = dir.resolve("w.safetensors");
        Safetensors.write(file, Map.of("x", HostTensor.ofLongs(new long[] {1}, 1)), Map.of());
        Safetensors.write(file, Map.of("x", HostTensor.ofLongs(new long[] {2}, 1)), Map.of());
        assertArrayEquals(new long[] {2}, Safetensors.read(file).tensors().get("x").longs());

        Map<String, HostTensor> reserved = Map.of("__metadata__", HostTensor.ofLongs(new long[] {3}, 1));
        assertThrows(IllegalArgumentException.class, () -> Safetensors.write(file, reserved, Map.of()));
        assertArrayEquals(new long[] {2}, Safetensors.read(file).tensors().get("x").longs());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    static Stream<Arguments> malformed() {
        String f32x2 = "\"t\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}";
        return Stream.of(
                Arguments.of("invalid JSON", "{\"t\":", 0, "not valid JSON"),
                Arguments.of("JSON after the object", "{} {}", 0, "not valid JSON"),
                Arguments.of("not an object", "[]", 0, "not a JSON object"),
                Arguments.of("empty header", "", 0, "not a JSON object"),
                Arguments.of("duplicate name", "{" + f32x2 + "," + f32x2 + "}", 8, "Duplicate field 't'"),
                Arguments.of("unknown dtype", "{\"t\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4,
                        "unknown dtype \"F16\""),
                Arguments.of("missing dtype", "{\"t\":{\"shape\":[2],\"data_offsets\":[0,8]}}", 8, "dtype is missing"),
                Arguments.of("negative dimension", "{\"t\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}",
                        8, "shape holds -2"),
                Arguments.of("fractional dimension", "{\"t\":{\"dtype\":\"F32\",\"shape\":[2.0],\"data_offsets\":[0,8]}}",
                        8, "shape holds 2.0"),
                Arguments.of("three offsets", "{\"t\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4,8]}}",
                        8, "data_offsets is missing or not an array of 2 integers"),
                Arguments.of("reversed offsets", "{\"t\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[8,0]}}",
                        8, "end before they begin"),
                Arguments.of("shape/offset size mismatch",
                        "{\"t\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8,
                        "tensor \"t\": shape [2] of F64 needs 16 bytes but data_offsets [0, 8] span 8"),
                Arguments.of("overflowing shape",
                        "{\"t\":{\"dtype\":\"F64\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,8]}}", 8,
                        "is too large"),
                Arguments.of("tensor beyond a Java array",
                        "{\"t\":{\"dtype\":\"F32\",\"shape\":[1000000000],\"data_offsets\":[0,4000000000]}}", 0,
                        "4000000000 bytes, more than the 2147483647 a Java array holds"),
                Arguments.of("overlapping offsets", "{" + f32x2
                        + ",\"u\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8,
                        "inside tensor \"t\""),
                Arguments.of("empty tensor inside another", "{" + f32x2
                        + ",\"u\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[4,4]}}", 8,
                        "inside tensor \"t\""),
                Arguments.of("gap between tensors", "{" + f32x2
                        + ",\"u\":{\"dtype\":\"BOOL\",\"shape\":[1],\"data_offsets\":[9,10]}}", 10,
                        "data bytes 8 to 9 belong to no tensor"),
                Arguments.of("gap at the start", "{\"t\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}",
                        12, "data bytes 0 to 4 belong to no tensor"),
                Arguments.of("trailing bytes", "{" + f32x2 + "}", 9, "1 trailing bytes after the last tensor"),
                Arguments.of("truncated data", "{" + f32x2 + "}", 7, "need 8 data bytes but the file holds only 7"),
                Arguments.of("non-string metadata value", "{\"__metadata__\":{\"epoch\":3}}", 0,
                        "metadata value of \"epoch\" is not a string: 3"),
                Arguments.of("metadata not an object", "{\"__metadata__\":[\"a\"]}", 0, "__metadata__ is not an object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedHeadersAreRefusedWithOneMessage(String problem, String header, int dataBytes, String message) {
        Path file = file(header, new byte[dataBytes]);
        SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class, () -> Safetensors.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void invalidUtf8IsRefused() {
        Path file = write("bad-utf8", lengthPrefix(3), new byte[] {'{', (byte) 0xC3, '}'});
        assertMessage(file, "not valid UTF-8");
    }

    @Test
    void filesShorterThanTheHeaderLengthAreRefused() {
        assertMessage(write("short", new byte[] {8, 0, 0}), "the file has 3 bytes, fewer than the 8");
        assertMessage(write("empty", new byte[0]), "the file has 0 bytes");
    }

    @Test
    void headerLengthsBeyondTheFileOrTheLimitAreRefused() {
        assertMessage(write("beyond", lengthPrefix(10), "{}".getBytes(StandardCharsets.US_ASCII)),
                "header length 10 is larger than the 2 bytes that follow it");
        assertMessage(write("limit", lengthPrefix(100_000_001), "{}".getBytes(StandardCharsets.US_ASCII)),
                "header length 100000001 exceeds the limit of 100000000 bytes");
        assertMessage(write("unsigned", lengthPrefix(-1)), "header length 18446744073709551615 exceeds the limit");
    }

    private static void assertMessage(Path file, String fragment) {
        SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class, () -> Safetensors.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    /** A file with the given header (its length prefixed) and data section. */
    private Path file(String header, byte[] data) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        return write("case", lengthPrefix(json.length), json, data);
    }

    private Path write(String name, byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        try {
            return Files.write(dir.resolve(name + ".safetensors"), out.toByteArray());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] lengthPrefix(long n) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(n).array();
    }

    private static String headerText(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int n = (int) ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return new String(bytes, 8, n, StandardCharsets.UTF_8);
    }
}
