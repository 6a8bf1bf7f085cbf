package io.pitaj.models.artifact;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.GraphExporter;
import io.pitaj.models.graph.NamedGraph;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.nets.BackboneConfig;
import io.pitaj.models.nets.DitConfig;
import io.pitaj.models.nets.DivergenceMode;
import io.pitaj.models.nets.EgnnConfig;
import io.pitaj.models.nets.InferenceGraphs;
import io.pitaj.models.nets.MlpConfig;
import io.pitaj.models.nets.ModelPair;
import io.pitaj.models.nets.NoiseSchedule;
import io.pitaj.models.nets.SmcStepGraph;
import io.pitaj.models.nn.Parameter;
import io.pitaj.models.nn.ParameterSet;
import io.pitaj.models.onnx.ElementType;
import io.pitaj.models.onnx.HostTensor;
import io.pitaj.models.runtime.ExecutionProvider;
import io.pitaj.models.runtime.GraphTensors;
import io.pitaj.models.train.LossCurve;
import io.pitaj.models.train.PitaTrainer;
import io.pitaj.models.train.TrainingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A trained rung as files (DESIGN §3): ONNX graphs of the EMA networks — {@value #SCORE_FILE} (score, denoiser),
 * {@value #ENERGY_FILE} (energy, its gradient) and {@value #SMC_STEP_FILE} (everything one SMC step needs, with the
 * exact divergence) — the raw and EMA parameters in one safetensors file ({@code raw/…}, {@code ema/…}), and
 * {@value #MODEL_JSON}: architecture, schedule, β, training hyper-parameters, steps, a loss summary, parameter
 * counts and each file's sha256. Every ONNX file carries the essentials as metadata too. Standard opsets only.
 *
 * <p>The directory is assembled under a temporary sibling name and renamed into place, so a reader never sees a
 * half-written artifact, and an existing directory is never replaced.
 */
public final class ModelArtifact {
    public static final String FORMAT = "pita-j-model/1";
    public static final String SCORE_FILE = "score.onnx", ENERGY_FILE = "energy.onnx", SMC_STEP_FILE = "smc_step.onnx",
            PARAMETERS_FILE = "parameters.safetensors", MODEL_JSON = "model.json";
    private static final String RAW = "raw/", EMA = "ema/", SCORE = "score/", ENERGY = "energy/";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What the artifact describes besides the weights.
     *
     * @param system      the system's name
     * @param temperature the rung's temperature (K for peptides, reduced otherwise)
     * @param betas       the conditioning β of the rungs trained on (the last is this rung's)
     * @param config      the training configuration
     * @param result      the training outcome (state, loss summary)
     */
    public record Description(String system, double temperature, List<Double> betas, TrainingConfig config, PitaTrainer.Result result) {}

    /** A loaded artifact: the EMA and raw networks, the schedule and the parsed {@value #MODEL_JSON}. */
    public record Loaded(ModelPair ema, ModelPair raw, NoiseSchedule schedule, JsonNode description) {}

    private ModelArtifact() {}

    /** Writes the artifact into {@code dir}, which must not exist. */
    public static void write(Path dir, Description d) {
        if (Files.exists(dir)) throw new UncheckedIOException(new FileAlreadyExistsException(dir + " already exists; a model is never overwritten"));
        Path tmp = dir.resolveSibling("." + dir.getFileName() + ".tmp-" + Long.toHexString(new SplittableRandom().nextLong()));
        try {
            Files.createDirectories(tmp);
            ModelPair ema = d.result().emaModels(), raw = d.result().models();
            NoiseSchedule schedule = d.config().loss().schedule();
            Map<String, String> meta = onnxMetadata(d);
            writeOnnx(tmp.resolve(SCORE_FILE), InferenceGraphs.score(ema, schedule), "score", meta);
            writeOnnx(tmp.resolve(ENERGY_FILE), InferenceGraphs.energy(ema, schedule), "energy", meta);
            DivergenceMode exact = DivergenceMode.Exact.forDevice(ExecutionProvider.CPU, ema.backbone().config().sampleSize());
            writeOnnx(tmp.resolve(SMC_STEP_FILE), SmcStepGraph.build(ema, schedule, exact), "smc_step", meta);
            Map<String, HostTensor> tensors = new LinkedHashMap<>();
            put(tensors, RAW, raw);
            put(tensors, EMA, ema);
            Safetensors.write(tmp.resolve(PARAMETERS_FILE), tensors, Map.of("format", FORMAT, "system", d.system()));
            Files.writeString(tmp.resolve(MODEL_JSON), JSON.writeValueAsString(describe(d, tmp)));
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteDirectory(tmp);
            throw new UncheckedIOException("cannot write the model to " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteDirectory(tmp);
            throw e;
        }
    }

    private static void writeOnnx(Path file, NamedGraph graph, String name, Map<String, String> meta) throws IOException {
        ModelProto.Builder model = GraphExporter.export(graph, GraphExporter.Options.named(name)).toBuilder();
        meta.forEach((k, v) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        Files.write(file, model.build().toByteArray());
    }

    private static Map<String, String> onnxMetadata(Description d) throws IOException {
        NoiseSchedule s = d.config().loss().schedule();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("pita.format", FORMAT);
        meta.put("pita.system", d.system());
        meta.put("pita.temperature", Double.toString(d.temperature()));
        meta.put("pita.beta", Double.toString(d.betas().get(d.betas().size() - 1)));
        meta.put("pita.architecture", JSON.writeValueAsString(architecture(d.config().architecture())).replaceAll("\\s+", ""));
        meta.put("pita.sigma", s.sigmaMin() + "," + s.sigmaMax() + "," + s.rho());
        meta.put("pita.steps", Long.toString(d.result().state().step()));
        meta.put("pita.weights", "ema");
        return meta;
    }

    private static void put(Map<String, HostTensor> out, String prefix, ModelPair models) {
        for (Parameter p : models.score().parameters()) out.put(prefix + SCORE + p.name(), GraphTensors.toHost(p.tensor(), ElementType.FLOAT32));
        for (Parameter p : models.energy().parameters()) out.put(prefix + ENERGY + p.name(), GraphTensors.toHost(p.tensor(), ElementType.FLOAT32));
    }

    private static ObjectNode describe(Description d, Path dir) throws IOException {
        TrainingConfig c = d.config();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("system", d.system());
        root.put("temperature", d.temperature());
        root.set("beta", JSON.valueToTree(d.betas()));
        root.set("architecture", architecture(c.architecture()));
        ObjectNode params = root.putObject("parameters");
        int perNetwork = d.result().models().score().count();
        params.put("score", perNetwork);
        params.put("energy", perNetwork);
        params.put("total", 2L * perNetwork);
        NoiseSchedule s = c.loss().schedule();
        ObjectNode schedule = root.putObject("schedule");
        schedule.put("sigma_min", s.sigmaMin());
        schedule.put("sigma_max", s.sigmaMax());
        schedule.put("rho", s.rho());
        ObjectNode training = root.putObject("training");
        training.put("steps", d.result().state().step());
        training.put("batch_size", c.batchSize());
        training.put("learning_rate", c.learningRate());
        training.set("adam", JSON.valueToTree(c.adam()));
        training.put("ema_max_decay", io.pitaj.models.train.TrainingStepGraph.EMA_MAX_DECAY);
        training.set("loss_weights", JSON.valueToTree(c.loss().weights()));
        training.put("target_score_time", c.loss().targetScoreTime());
        training.put("energy_limit", c.loss().energyLimit());
        training.put("train_on_all_rungs", c.trainOnAllRungs());
        training.put("seed", c.seed());
        training.put("precision", PitaTrainer.PRECISION.name().toLowerCase());
        training.put("steps_per_second", d.result().stepsPerSecond());
        training.put("execution_provider", d.result().provider().name());
        ObjectNode loss = root.putObject("loss");
        loss.put("window_steps", PitaTrainer.SUMMARY_WINDOW);
        loss.put("mean_total", d.result().meanLoss());
        loss.set("mean_terms", JSON.valueToTree(d.result().meanTerms()));
        LossCurve h = d.result().history();
        ObjectNode history = loss.putObject("history");
        history.put("block_steps", h.blockSteps());
        history.set("steps", JSON.valueToTree(h.steps()));
        history.set("total", JSON.valueToTree(h.total()));
        history.set("terms", JSON.valueToTree(h.terms()));
        ObjectNode files = root.putObject("files");
        for (String f : List.of(SCORE_FILE, ENERGY_FILE, SMC_STEP_FILE, PARAMETERS_FILE)) {
            ObjectNode entry = files.putObject(f);
            entry.put("bytes", Files.size(dir.resolve(f)));
            entry.put("sha256", sha256(dir.resolve(f)));
        }
        String version = ModelArtifact.class.getPackage().getImplementationVersion();
        root.put("producer", "pita-j " + (version == null ? "dev" : version));
        return root;
    }

    /** The backbone configuration with its kind, as model.json stores it. */
    static ObjectNode architecture(BackboneConfig config) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", config.kind());
        node.setAll((ObjectNode) JSON.valueToTree(config));
        return node;
    }

    static BackboneConfig architecture(JsonNode node) throws IOException {
        ObjectNode fields = node.deepCopy();
        String kind = fields.remove("kind").asText();
        Class<? extends BackboneConfig> type = switch (kind) {
            case "mlp" -> MlpConfig.class;
            case "egnn" -> EgnnConfig.class;
            case "dit" -> DitConfig.class;
            default -> throw new IOException("unknown architecture kind '" + kind + "'");
        };
        return JSON.treeToValue(fields, type);
    }

    /** Reads an artifact written by {@link #write}. */
    /** The loss curve stored in a model directory's {@value #MODEL_JSON}; empty for artifacts written before it was stored. */
    public static LossCurve lossCurve(Path dir) {
        JsonNode h;
        try {
            h = JSON.readTree(dir.resolve(MODEL_JSON).toFile()).path("loss").path("history");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(MODEL_JSON) + ": " + e.getMessage(), e);
        }
        if (h.isMissingNode()) return new LossCurve(1, new long[0], new double[0], Map.of());
        long[] steps = JSON.convertValue(h.path("steps"), long[].class);
        double[] total = doubles(h.path("total"));
        Map<String, double[]> terms = new LinkedHashMap<>();
        h.path("terms").fields().forEachRemaining(e -> terms.put(e.getKey(), doubles(e.getValue())));
        return new LossCurve(h.path("block_steps").asInt(1), steps, total, terms);
    }

    /** Jackson writes NaN as the string "NaN" (or a bare NaN); both come back as NaN. */
    private static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) v[i] = array.get(i).isNumber() ? array.get(i).asDouble() : Double.NaN;
        return v;
    }

    public static Loaded read(Path dir) {
        try {
            JsonNode root = JSON.readTree(dir.resolve(MODEL_JSON).toFile());
            if (!FORMAT.equals(root.path("format").asText())) throw new IOException("not a PITA-J model (format " + root.path("format") + ")");
            BackboneConfig arch = architecture(root.get("architecture"));
            JsonNode s = root.get("schedule");
            NoiseSchedule schedule = new NoiseSchedule(s.get("sigma_min").asDouble(), s.get("sigma_max").asDouble(), s.get("rho").asDouble());
            Map<String, HostTensor> tensors = Safetensors.read(dir.resolve(PARAMETERS_FILE)).tensors();
            ModelPair structure = ModelPair.initialise(arch, 0, DType.F32);
            return new Loaded(take(structure, tensors, EMA), take(structure, tensors, RAW), schedule, root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static ModelPair take(ModelPair structure, Map<String, HostTensor> tensors, String prefix) throws IOException {
        return new ModelPair(structure.backbone(), load(structure.score(), tensors, prefix + SCORE),
                load(structure.energy(), tensors, prefix + ENERGY), structure.network());
    }

    private static ParameterSet load(ParameterSet layout, Map<String, HostTensor> tensors, String prefix) throws IOException {
        ParameterSet set = new ParameterSet();
        for (Parameter p : layout.parameters()) {
            HostTensor t = tensors.get(prefix + p.name());
            if (t == null) throw new IOException("parameter " + prefix + p.name() + " is missing");
            Tensor v = GraphTensors.fromHost(t);
            if (!java.util.Arrays.equals(v.shape(), p.shape())) throw new IOException("parameter " + prefix + p.name() + " has the wrong shape");
            set.add(p.name(), p.shape(), v.data());
        }
        return set;
    }

    /** The lower-case hex SHA-256 of a file's bytes, streamed. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Deletes a directory tree if it exists (a replaced or half-written artifact). */
    public static void deleteDirectory(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
