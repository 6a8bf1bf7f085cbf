package io.pitaj.models.artifact;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.pitaj.models.graph.Interpreter;
import io.pitaj.models.graph.NamedGraph;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.nets.DitConfig;
import io.pitaj.models.nets.EgnnConfig;
import io.pitaj.models.nets.InferenceGraphs;
import io.pitaj.models.nets.NoiseSchedule;
import io.pitaj.models.nets.SmcStepGraph;
import io.pitaj.models.onnx.HostTensor;
import io.pitaj.models.runtime.GraphTensors;
import io.pitaj.models.runtime.InferenceSession;
import io.pitaj.models.runtime.OrtRuntime;
import io.pitaj.models.runtime.SessionSettings;
import io.pitaj.models.targets.ParticleLayout;
import io.pitaj.models.train.LossCurve;
import io.pitaj.models.train.LossWeights;
import io.pitaj.models.train.PitaTrainer;
import io.pitaj.models.train.TrainingConfig;
import io.pitaj.models.train.TrainingListener;
import io.pitaj.models.train.TrainingSamples;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trained pair written as an artifact and read back: files, their contents, metadata and refusals. */
class ModelArtifactTest {
    private static final EgnnConfig EGNN = new EgnnConfig(4, 3, 8, 1, 15, true);

    private static PitaTrainer.Result trained(TrainingConfig config) {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 16, d = 12;
        double[] x = new double[n * d], logp = new double[n], f = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
            f[i] = -x[i];
        }
        TrainingSamples s = new TrainingSamples(new ParticleLayout(4, 3), true, 1.33, x, logp, f);
        return new PitaTrainer(SessionSettings.cpu(1), null).train(List.of(s), config, null, TrainingListener.NONE);
    }

    @Test
    void writesGraphsParametersAndDescriptionThatReadBack(@TempDir Path tmp) throws Exception {
        TrainingConfig config = TrainingConfig.reference(EGNN, NoiseSchedule.edm(0.05), LossWeights.PARTICLES, 8, 5, 3, false, 0);
        PitaTrainer.Result r = trained(config);
        Path dir = tmp.resolve("model");
        ModelArtifact.write(dir, new ModelArtifact.Description("lj4", 3.0, List.of(1.0, 1.33), config, r));

        ModelArtifact.Loaded back = ModelArtifact.read(dir);
        assertArrayEquals(r.emaModels().score().toFlat(), back.ema().score().toFlat(), "EMA score weights");
        assertArrayEquals(r.emaModels().energy().toFlat(), back.ema().energy().toFlat(), "EMA energy weights");
        assertArrayEquals(r.models().score().toFlat(), back.raw().score().toFlat(), "raw score weights");
        assertEquals(EGNN, back.ema().backbone().config());
        assertEquals(config.loss().schedule(), back.schedule());

        JsonNode json = back.description();
        assertEquals(5, json.at("/training/steps").asLong());
        assertEquals(1.33, json.at("/beta/1").asDouble());
        assertEquals("egnn", json.at("/architecture/kind").asText());
        assertEquals(2L * r.models().score().count(), json.at("/parameters/total").asLong());
        assertTrue(json.at("/loss/mean_terms/energy_matching").isNumber());
        LossCurve curve = ModelArtifact.lossCurve(dir);
        assertArrayEquals(r.history().steps(), curve.steps());
        assertArrayEquals(r.history().total(), curve.total(), 0);
        assertEquals(r.history().terms().keySet(), curve.terms().keySet());
        assertArrayEquals(new long[] {1, 2, 3, 4, 5}, curve.steps(), "five updates, one point each");
        for (String f : List.of(ModelArtifact.SCORE_FILE, ModelArtifact.ENERGY_FILE, ModelArtifact.SMC_STEP_FILE, ModelArtifact.PARAMETERS_FILE)) {
            assertEquals(ModelArtifact.sha256(dir.resolve(f)), json.at("/files/" + f.replace("/", "~1") + "/sha256").asText(), f);
        }
        assertFalse(Files.list(tmp).anyMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary directory left");

        // the ONNX score graph any runtime loads equals the EMA networks in the interpreter, and carries the metadata
        Map<String, Tensor> in = Map.of(SmcStepGraph.X, new Tensor(new int[] {2, 4, 3}, new SplittableRandom(4).doubles(24).toArray()),
                SmcStepGraph.T, Tensor.vector(0.3, 0.7), SmcStepGraph.BETA, Tensor.vector(1.33, 1.33));
        NamedGraph reference = InferenceGraphs.score(r.emaModels(), config.loss().schedule());
        Tensor expected = Interpreter.run(List.of(reference.outputs().get(SmcStepGraph.SCORE)), in).get(0);
        try (InferenceSession s = OrtRuntime.shared().open(dir.resolve(ModelArtifact.SCORE_FILE), SessionSettings.cpu(1))) {
            Map<String, HostTensor> feed = new java.util.HashMap<>();
            in.forEach((k, v) -> feed.put(k, GraphTensors.toHost(v, s.input(k).dtype())));
            assertArrayEquals(expected.data(), GraphTensors.fromHost(s.run(feed).get(SmcStepGraph.SCORE)).data(), 1e-5);
        }
        var proto = ai.onnx.proto.OnnxMl.ModelProto.parseFrom(Files.readAllBytes(dir.resolve(ModelArtifact.SMC_STEP_FILE)));
        assertTrue(proto.getMetadataPropsList().stream().anyMatch(e -> e.getKey().equals("pita.steps") && e.getValue().equals("5")));
    }

    @Test
    void neverOverwritesAnExistingDirectory(@TempDir Path tmp) throws Exception {
        TrainingConfig config = TrainingConfig.reference(EGNN, NoiseSchedule.edm(0.05), LossWeights.PARTICLES, 8, 1, 3, false, 0);
        Path dir = Files.createDirectories(tmp.resolve("model"));
        Files.writeString(dir.resolve("keep.txt"), "mine");
        assertThrows(UncheckedIOException.class, () -> ModelArtifact.write(dir,
                new ModelArtifact.Description("lj4", 3.0, List.of(1.0), config, trained(config))));
        assertEquals("mine", Files.readString(dir.resolve("keep.txt")));
    }

    @Test
    void architecturesRoundTripThroughJson() throws Exception {
        for (var config : List.of(EGNN, DitConfig.reference(22), new io.pitaj.models.nets.MlpConfig(List.of(2), 16, 2, 8, true))) {
            assertEquals(config, ModelArtifact.architecture(ModelArtifact.architecture(config)));
        }
    }
}
