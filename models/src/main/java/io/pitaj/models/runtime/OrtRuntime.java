package io.pitaj.models.runtime;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Opens ONNX models as {@link InferenceSession}s on the requested execution provider.
 *
 * <p>A CUDA request can fail at two steps, and the two are handled differently because they mean different things:
 * <ul>
 *   <li><b>Registering ORT's CUDA provider</b> throws (the CPU-only onnxruntime jar, no driver, missing CUDA/cuDNN
 *       libraries). No session in this process can use CUDA, so the session is created on CPU, one warning goes to
 *       the {@link WarningSink}, and later CUDA requests to the same runtime go straight to CPU, silently. Use
 *       {@link #shared()} in the application so that "one" means one per process.</li>
 *   <li><b>Creating the session</b> with the registered provider throws (out of device memory, an op the CUDA
 *       provider rejects, a broken model). Only this model is concerned, so only this session falls back to CPU,
 *       with a warning naming the model and the reason; later sessions still try CUDA. Falling back rather than
 *       throwing keeps a run alive when the model fits on CPU.</li>
 * </ul>
 * In both cases a model that fails on CPU too is broken: the CPU error is thrown and no fallback is reported.
 */
public final class OrtRuntime {
    private static final OrtRuntime SHARED = new OrtRuntime(WarningSink.systemLogger(), CudaRegistration.ORT);

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final CudaFallback cudaFallback;
    private final CudaRegistration cuda;

    OrtRuntime(WarningSink sink, CudaRegistration cuda) {
        this.cudaFallback = new CudaFallback(Objects.requireNonNull(sink, "warning sink"));
        this.cuda = Objects.requireNonNull(cuda, "CUDA registration");
    }

    /** The process-wide runtime; its warnings go to {@link System.Logger}. */
    public static OrtRuntime shared() { return SHARED; }

    /** A runtime whose warnings go to {@code sink} and which has not warned yet (for tests and embedders). */
    public static OrtRuntime withWarningSink(WarningSink sink) { return new OrtRuntime(sink, CudaRegistration.ORT); }

    /** The ONNX Runtime native library version, for provenance records. */
    public String ortVersion() { return env.getVersion(); }

    /** Opens a serialized ModelProto, as the graph exporter produces it. */
    public InferenceSession open(byte[] model, SessionSettings settings) {
        Objects.requireNonNull(model, "model bytes");
        return open(fromBytes(model, "the model from " + model.length + " bytes"), settings);
    }

    /** Opens a ModelProto; errors and warnings name it by its graph name. */
    public InferenceSession open(ModelProto model, SessionSettings settings) {
        return open(fromBytes(model.toByteArray(), "the model '" + model.getGraph().getName() + "'"), settings);
    }

    /** Opens an ONNX file; weights must be inside the file (the project writes no external-data models). */
    public InferenceSession open(Path modelFile, SessionSettings settings) {
        if (!Files.isRegularFile(modelFile)) {
            throw new IllegalArgumentException("ONNX model file " + modelFile + " does not exist or is not a file");
        }
        return open(new ModelSource("the model " + modelFile,
                options -> env.createSession(modelFile.toString(), options)), settings);
    }

    private ModelSource fromBytes(byte[] model, String description) {
        return new ModelSource(description, options -> env.createSession(model, options));
    }

    InferenceSession open(ModelSource model, SessionSettings settings) {
        Objects.requireNonNull(settings, "session settings");
        if (settings.provider() == ExecutionProvider.CPU || cudaFallback.knownUnavailable()) {
            return openOnCpu(model, settings);
        }
        SessionOptions options = baseOptions(settings);
        try {
            cuda.register(options, settings);
        } catch (OrtException e) {
            options.close();
            InferenceSession cpu = openOnCpu(model, settings);
            cudaFallback.providerUnavailable(e.getMessage());
            return cpu;
        } catch (RuntimeException e) {
            options.close();
            throw e;
        }
        try {
            return create(model, options, ExecutionProvider.CUDA, settings);
        } catch (OrtException cudaError) {
            InferenceSession cpu;
            try {
                cpu = openOnCpu(model, settings);
            } catch (InferenceException cpuError) {
                // the CPU error is the one reported; the CUDA one rides along in case it tells more
                cpuError.addSuppressed(cudaError);
                throw cpuError;
            }
            cudaFallback.sessionFailed(model.description(), cudaError.getMessage());
            return cpu;
        }
    }

    private InferenceSession openOnCpu(ModelSource model, SessionSettings settings) {
        try {
            return create(model, baseOptions(settings), ExecutionProvider.CPU, settings);
        } catch (OrtException e) {
            throw new InferenceException(
                    "ONNX Runtime could not load " + model.description() + ": " + e.getMessage(), e);
        }
    }

    /** Creates the session, which then owns {@code options}; when it cannot, closes them and rethrows. */
    private InferenceSession create(ModelSource model, SessionOptions options, ExecutionProvider provider,
                                    SessionSettings settings) throws OrtException {
        try {
            return InferenceSession.adopt(env, model.load(options), options, provider, settings);
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    private static SessionOptions baseOptions(SessionSettings settings) {
        SessionOptions options = new SessionOptions();
        try {
            options.setIntraOpNumThreads(settings.intraOpThreads());
            options.setInterOpNumThreads(1);
            options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(settings.optimization());
            return options;
        } catch (OrtException e) {
            options.close();
            throw new InferenceException("could not configure ONNX Runtime session options: " + e.getMessage(), e);
        }
    }
}
