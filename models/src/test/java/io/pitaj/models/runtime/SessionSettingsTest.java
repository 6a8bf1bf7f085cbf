package io.pitaj.models.runtime;

import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SessionSettingsTest {

    @Test
    void factoriesGiveAllOptimisationsDeviceZeroAndNoMemoryLimit() {
        assertEquals(new SessionSettings(ExecutionProvider.CPU, 2, OptLevel.ALL_OPT, 0, OptionalLong.empty()),
                SessionSettings.cpu(2));
        assertEquals(new SessionSettings(ExecutionProvider.CUDA, 3, OptLevel.ALL_OPT, 0, OptionalLong.empty()),
                SessionSettings.of(ExecutionProvider.CUDA, 3));
    }

    @Test
    void eachWitherChangesOneSettingAndKeepsTheOthers() {
        SessionSettings s = SessionSettings.of(ExecutionProvider.CUDA, 4)
                .withCudaMemoryLimit(1L << 30)
                .withDeviceId(1)
                .withOptimization(OptLevel.BASIC_OPT);
        assertEquals(new SessionSettings(ExecutionProvider.CUDA, 4, OptLevel.BASIC_OPT, 1, OptionalLong.of(1L << 30)),
                s);
    }

    @Test
    void badSettingsNameTheSettingAndTheValue() {
        SessionSettings cuda = SessionSettings.of(ExecutionProvider.CUDA, 1);
        assertMessage("intra-op thread count must be >= 1, got 0", () -> SessionSettings.cpu(0));
        assertMessage("CUDA device id must be >= 0, got -1", () -> cuda.withDeviceId(-1));
        assertMessage("CUDA memory limit must be > 0 bytes, got 0", () -> cuda.withCudaMemoryLimit(0));
        assertMessage("CUDA memory limit must be > 0 bytes, got -5", () -> cuda.withCudaMemoryLimit(-5));
        NullPointerException e = assertThrows(NullPointerException.class, () -> cuda.withOptimization(null));
        assertEquals("optimization level", e.getMessage());
    }

    private static void assertMessage(String expected, Runnable bad) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, bad::run).getMessage());
    }
}
