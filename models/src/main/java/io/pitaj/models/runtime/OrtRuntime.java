package io.pitaj.models.runtime;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Opens ONNX models as {@link InferenceSession}s on the requested execution provider.
 *
 * <p>CUDA is requested by registering ORT's CUDA provider. When that throws (the CPU-only onnxruntime jar, no
 * driver, missing CUDA/cuDNN libraries) or the session cannot be created with it while it can without, the session
 * is created on CPU instead and one warning goes to the {@link WarningSink}; later CUDA requests to the same runtime
 * go straight to CPU, silently. Use {@link #shared()} in the application so that "one" means one per process.
 */
public final class OrtRuntime {
    private static final OrtRuntime SHARED = new OrtRuntime(WarningSink.systemLogger());

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final CudaFallback cudaFallback;

    private OrtRuntime(WarningSink sink) {
        this.cudaFallback = new CudaFallback(Objects.requireNonNull(sink, "warning sink"));
    }

    /** The process-wide runtime; its warnings go to {@link System.Logger}. */
    public static OrtRuntime shared() { return SHARED; }

    /** A runtime whose warnings go to {@code sink} and which has not warned yet (for tests and embedders). */
    public static OrtRuntime withWarningSink(WarningSink sink) { return new OrtRuntime(sink); }

    /** The ONNX Runtime native library version, for provenance records. */
    public String ortVersion() { return env.getVersion(); }

    /** Opens a serialized ModelProto, as the graph exporter produces it. */
    public InferenceSession open(byte[] model, SessionSettings settings) {
        Objects.requireNonNull(model, "model bytes");
        return open(opts -> env.createSession(model, opts), "from " + model.length + " bytes", settings);
    }

    public InferenceSession open(ModelProto model, SessionSettings settings) {
        return open(model.toByteArray(), settings);
    }

    /** Opens an ONNX file; weights must be inside the file (the project writes no external-data models). */
    public InferenceSession open(Path modelFile, SessionSettings settings) {
        if (!Files.isRegularFile(modelFile)) {
            throw new IllegalArgumentException("ONNX model file " + modelFile + " does not exist or is not a file");
        }
        return open(opts -> env.createSession(modelFile.toString(), opts), modelFile.toString(), settings);
    }

    @FunctionalInterface
    private interface SessionFactory {
        OrtSession create(SessionOptions options) throws OrtException;
    }

    private InferenceSession open(SessionFactory factory, String source, SessionSettings settings) {
        Objects.requireNonNull(settings, "session settings");
        if (settings.provider() == ExecutionProvider.CPU || cudaFallback.knownUnavailable()) {
            return openOnCpu(factory, source, settings);
        }
        SessionOptions cudaOptions = baseOptions(settings);
        String reason;
        try {
            cudaOptions.addCUDA(settings.deviceId());
            return InferenceSession.adopt(env, factory.create(cudaOptions), cudaOptions, ExecutionProvider.CUDA,
                    settings);
        } catch (OrtException e) {
            // Either registering the provider failed, or creating the session with it did. The latter could also be
            // a broken model: the CPU attempt below tells which, and if it fails too, its error is the one reported.
            reason = e.getMessage();
        } catch (RuntimeException e) {
            cudaOptions.close();
            throw e;
        }
        cudaOptions.close();
        InferenceSession cpu = openOnCpu(factory, source, settings);
        cudaFallback.unavailable(reason);
        return cpu;
    }

    private InferenceSession openOnCpu(SessionFactory factory, String source, SessionSettings settings) {
        SessionOptions options = baseOptions(settings);
        try {
            return InferenceSession.adopt(env, factory.create(options), options, ExecutionProvider.CPU, settings);
        } catch (OrtException | RuntimeException e) {
            options.close();
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new InferenceException("ONNX Runtime could not load the model " + source + ": " + e.getMessage(), e);
        }
    }

    private static SessionOptions baseOptions(SessionSettings settings) {
        SessionOptions options = new SessionOptions();
        try {
            options.setIntraOpNumThreads(settings.intraOpThreads());
            options.setInterOpNumThreads(1);
            options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
            return options;
        } catch (OrtException e) {
            options.close();
            throw new InferenceException("could not configure ONNX Runtime session options: " + e.getMessage(), e);
        }
    }
}
