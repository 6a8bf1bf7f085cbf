package io.pitaj.models.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A host where the CUDA provider registers but one model's CUDA session cannot be created: that session alone falls
 * back to CPU and later models still try CUDA. There is no GPU here, so the host is played: registration only marks
 * the options, and a model's loader fails on marked options when told to, or else loads on CPU, standing in for a
 * CUDA session.
 */
class OrtCudaSessionFailureTest {
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    private static final SessionSettings CUDA = SessionSettings.of(ExecutionProvider.CUDA, 1);
    private static final String OUT_OF_MEMORY = "CUDA failure 2: out of memory\nnative stack trace";

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Set<SessionOptions> registered = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<String> cudaAttempts = new CopyOnWriteArrayList<>();
    private final OrtRuntime ort = new OrtRuntime(warnings::add, (options, settings) -> registered.add(options));

    private ModelSource model(String name, byte[] bytes, String cudaError) {
        return new ModelSource("the model '" + name + "'", options -> {
            if (registered.contains(options)) {
                cudaAttempts.add(name);
                if (cudaError != null) {
                    throw new OrtException(cudaError);
                }
            }
            return ENV.createSession(bytes, options);
        });
    }

    @Test
    void onlyTheFailingSessionFallsBackAndLaterSessionsStillTryCuda() {
        ModelSource a = model("a", OrtTestModels.affineFloat32(), OUT_OF_MEMORY);
        ModelSource b = model("b", OrtTestModels.gatherInt64(), null);
        try (InferenceSession first = ort.open(a, CUDA);
             InferenceSession second = ort.open(b, CUDA);
             InferenceSession third = ort.open(a, CUDA)) {
            assertEquals(ExecutionProvider.CPU, first.provider());
            assertEquals(ExecutionProvider.CUDA, second.provider());
            assertEquals(ExecutionProvider.CPU, third.provider());
        }
        assertEquals(List.of("a", "b", "a"), cudaAttempts);
        String perSession = "CUDA could not create the session for the model 'a' (CUDA failure 2: out of memory); "
                + "this session runs on CPU, later sessions still try CUDA";
        assertEquals(List.of(perSession, perSession), warnings);
    }

    @Test
    void aModelBrokenOnCpuTooReportsTheCpuErrorAndKeepsTheCudaOne() {
        ModelSource broken = model("broken", new byte[] {1, 2, 3}, "CUDA: cannot parse");
        InferenceException e = assertThrows(InferenceException.class, () -> ort.open(broken, CUDA));
        assertTrue(e.getMessage().startsWith("ONNX Runtime could not load the model 'broken': "), e.getMessage());
        assertEquals(1, e.getSuppressed().length);
        assertEquals("CUDA: cannot parse", e.getSuppressed()[0].getMessage());
        assertEquals(List.of(), warnings);

        try (InferenceSession next = ort.open(model("b", OrtTestModels.gatherInt64(), null), CUDA)) {
            assertEquals(ExecutionProvider.CUDA, next.provider());
        }
    }

    @Test
    void aCpuRequestNeverRegistersCuda() {
        try (InferenceSession s = ort.open(model("b", OrtTestModels.gatherInt64(), null), SessionSettings.cpu(1))) {
            assertEquals(ExecutionProvider.CPU, s.provider());
        }
        assertEquals(List.of(), cudaAttempts);
        assertEquals(List.of(), warnings);
    }
}
