package io.pitaj.models.runtime;

import ai.onnxruntime.OrtException;
import io.pitaj.models.onnx.HostTensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * This build carries the CPU-only onnxruntime jar, so registering the CUDA provider fails: requesting CUDA must fall
 * back for the whole runtime, loudly but once.
 */
class OrtCudaFallbackTest {

    @Test
    void cudaRequestFallsBackToCpuWithExactlyOneWarning() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        OrtRuntime ort = OrtRuntime.withWarningSink(warnings::add);
        SessionSettings cuda = SessionSettings.of(ExecutionProvider.CUDA, 1);
        try (InferenceSession first = ort.open(OrtTestModels.affineFloat32(), cuda);
             InferenceSession second = ort.open(OrtTestModels.gatherInt64(), cuda.withDeviceId(0))) {
            assertEquals(ExecutionProvider.CPU, first.provider());
            assertEquals(ExecutionProvider.CPU, second.provider());
            assertEquals(ExecutionProvider.CUDA, first.settings().provider());
            assertEquals(1, warnings.size(), warnings.toString());
            String w = warnings.get(0);
            assertTrue(w.startsWith("CUDA execution provider unavailable ("), w);
            assertTrue(w.endsWith("); falling back to CPU"), w);
            assertTrue(!w.contains("\n"), "one line: " + w);

            float[] x = {1, 2, 3};
            HostTensor y = first.run(Map.of("x", HostTensor.ofFloats(x, 1, 3))).get("y");
            double[] expected = OrtTestModels.affineReference(x, 1);
            assertArrayEquals(new float[] {(float) expected[0], (float) expected[1]}, y.floats(), 1e-6f);
        }
    }

    @Test
    void afterARegistrationFailureCudaRequestsGoStraightToCpu() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        AtomicInteger registrations = new AtomicInteger();
        OrtRuntime ort = new OrtRuntime(warnings::add, (options, settings) -> {
            registrations.incrementAndGet();
            throw new OrtException("Failed to find CUDA shared provider");
        });
        SessionSettings cuda = SessionSettings.of(ExecutionProvider.CUDA, 1);
        try (InferenceSession first = ort.open(OrtTestModels.affineFloat32(), cuda);
             InferenceSession second = ort.open(OrtTestModels.gatherInt64(), cuda)) {
            assertEquals(ExecutionProvider.CPU, first.provider());
            assertEquals(ExecutionProvider.CPU, second.provider());
        }
        assertEquals(1, registrations.get());
        assertEquals(List.of("CUDA execution provider unavailable (Failed to find CUDA shared provider); "
                + "falling back to CPU"), warnings);
    }

    @Test
    void cpuRequestNeverWarns() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (InferenceSession s = OrtRuntime.withWarningSink(warnings::add)
                .open(OrtTestModels.affineFloat32(), SessionSettings.cpu(1))) {
            assertEquals(ExecutionProvider.CPU, s.provider());
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void brokenModelWithCudaRequestReportsTheModelErrorNotAFallback() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        OrtRuntime ort = OrtRuntime.withWarningSink(warnings::add);
        assertThrows(InferenceException.class,
                () -> ort.open(new byte[] {1, 2, 3}, SessionSettings.of(ExecutionProvider.CUDA, 1)));
        assertEquals(List.of(), warnings);
    }

    @Test
    void deviceNamesParse() {
        assertEquals(ExecutionProvider.CPU, ExecutionProvider.parse("cpu"));
        assertEquals(ExecutionProvider.CUDA, ExecutionProvider.parse(" CUDA "));
        assertEquals("cuda", ExecutionProvider.CUDA.id());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExecutionProvider.parse("gpu"));
        assertEquals("unknown device 'gpu': use cpu or cuda", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExecutionProvider.parse(null));
    }
}
