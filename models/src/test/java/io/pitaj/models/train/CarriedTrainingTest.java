package io.pitaj.models.train;

import static org.junit.jupiter.api.Assertions.*;

import io.pitaj.models.graph.GraphExporter;
import io.pitaj.models.graph.NamedGraph;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.nets.ModelPair;
import io.pitaj.models.nn.ParameterSet;
import io.pitaj.models.onnx.HostTensor;
import io.pitaj.models.runtime.GraphTensors;
import io.pitaj.models.runtime.OrtRuntime;
import io.pitaj.models.runtime.SessionSettings;
import io.pitaj.models.targets.ParticleLayout;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The carried training path: the state kept in ORT's buffers (EMA folded into the step) against the same graph
 * fed the whole state by hand each step, and checkpoint → resume against an uninterrupted run. Both must agree
 * bit for bit: any difference means state was lost, reordered or rounded on the way.
 */
class CarriedTrainingTest {
    private static final SessionSettings CPU = SessionSettings.cpu(2);

    @Test
    void carriedStateEqualsTheHandFedLoopBitForBit() {
        TrainingConfig config = TinyPita.config(TinyPita.DIT, LossWeights.PEPTIDES, 6, 0, false);
        ModelPair models = ModelPair.initialise(config.architecture(), config.seed(), PitaTrainer.PRECISION);
        TinyPita.perturb(models, 3);
        ParameterSet params = PitaLoss.parameters(models);
        NamedGraph graph = TrainingStepGraph.build(params, PitaTrainer.PRECISION, config.adam(), new PitaLoss(models, config.loss()), true);
        TrainingSamples samples = TinyPita.harmonic(new ParticleLayout(4, 3), 32, 1, 5);
        PitaBatches batches = new PitaBatches(config.architecture(), config.batchSize(), config.loss().weights(), PitaTrainer.PRECISION.onnx(), config.seed());

        TrainingState initial = TrainingState.initial(params);
        ReferenceLoop reference;
        try (OrtStepExecutor executor = new OrtStepExecutor(OrtRuntime.shared().open(
                GraphExporter.export(graph, GraphExporter.Options.named("train_step")), CPU));
             Trainer carried = new Trainer(graph, params, CPU)) {
            reference = new ReferenceLoop(executor, TrainingState.initial(params), config.learningRate());
            carried.load(initial);
            for (int t = 1; t <= config.steps(); t++) {
                Map<String, HostTensor> batch = batches.draw(samples, t, PitaTrainer.stepRandom(config.seed(), t));
                Trainer.StepResult fast = carried.step(config.learningRate(), batch);
                ReferenceLoop.StepResult slow = reference.step(toTensors(batch));
                assertEquals(slow.loss(), fast.loss(), 0.0, "loss at step " + t);
                assertEquals(slow.gradNorm(), fast.gradNorm(), 0.0, "gradient norm at step " + t);
                assertEquals(List.of(PitaLoss.SCORE, PitaLoss.ENERGY_SCORE, PitaLoss.ENERGY_MATCHING, PitaLoss.TARGET_SCORE),
                        List.copyOf(fast.terms().keySet()));
            }
            assertSameState(reference.state(), carried.state());
        }
        assertFalse(java.util.Arrays.equals(initial.params().toFlat(), reference.state().params().toFlat()), "training moved the weights");
        assertFalse(java.util.Arrays.equals(reference.state().params().toFlat(), reference.state().ema().toFlat()), "the EMA lags the weights");
    }

    @Test
    void resumingFromACheckpointContinuesBitForBit(@TempDir Path dir) {
        TrainingConfig config = TinyPita.config(TinyPita.EGNN, LossWeights.PARTICLES, 8, 3, true);
        List<TrainingSamples> rungs = List.of(TinyPita.harmonic(new ParticleLayout(4, 3), 32, 1, 1),
                TinyPita.harmonic(new ParticleLayout(4, 3), 32, 1.33, 2));
        PitaTrainer.Result straight = new PitaTrainer(CPU, dir.resolve("straight")).train(rungs, config, null, TrainingListener.NONE);

        Path interrupted = dir.resolve("interrupted");
        new PitaTrainer(CPU, interrupted).train(rungs, config.withSteps(5), null, TrainingListener.NONE);
        // step 5 is the last of the short run, so it was checkpointed; step 3 was the periodic one
        assertEquals(interrupted.resolve(Checkpoint.fileName(5)), Checkpoint.latest(interrupted).orElseThrow());
        assertTrue(interrupted.resolve(Checkpoint.fileName(3)).toFile().exists());
        Checkpoint at5 = Checkpoint.read(Checkpoint.latest(interrupted).orElseThrow());
        PitaTrainer.Result resumed = new PitaTrainer(CPU, interrupted).train(rungs, config, at5, TrainingListener.NONE);

        assertEquals(8, resumed.state().step());
        assertSameState(straight.state(), resumed.state());
        assertSameState(straight.state(), Checkpoint.read(dir.resolve("straight").resolve(Checkpoint.fileName(8))).state());
        // only the newest two checkpoints are kept
        assertFalse(dir.resolve("straight").resolve(Checkpoint.fileName(3)).toFile().exists());
    }

    @Test
    void aResumeIntoAnotherArchitectureOrSeedIsRefused(@TempDir Path dir) {
        TrainingConfig config = TinyPita.config(TinyPita.EGNN, LossWeights.PARTICLES, 2, 0, false);
        List<TrainingSamples> rungs = List.of(TinyPita.harmonic(new ParticleLayout(4, 3), 16, 1, 1));
        new PitaTrainer(CPU, dir).train(rungs, config, null, TrainingListener.NONE);
        Checkpoint c = Checkpoint.read(Checkpoint.latest(dir).orElseThrow());
        TrainingConfig otherSeed = TrainingConfig.reference(config.architecture(), config.loss().schedule(), LossWeights.PARTICLES, 8, 4, 12, false, 0);
        assertThrows(IllegalArgumentException.class, () -> new PitaTrainer(CPU, null).train(rungs, otherSeed, c, TrainingListener.NONE));
        TrainingConfig otherArch = TinyPita.config(new io.pitaj.models.nets.EgnnConfig(4, 3, 6, 1, 15, true), LossWeights.PARTICLES, 4, 0, false);
        assertThrows(IllegalArgumentException.class, () -> new PitaTrainer(CPU, null).train(rungs, otherArch, c, TrainingListener.NONE));
    }

    @Test
    void termsWithWeightZeroAreNeitherBuiltNorFed() {
        TrainingConfig config = TinyPita.config(TinyPita.EGNN, new LossWeights(1, 0, 0, 0), 2, 0, false);
        List<Map<String, Double>> terms = new java.util.ArrayList<>();
        new PitaTrainer(CPU, null).train(List.of(TinyPita.harmonic(new ParticleLayout(4, 3), 16, 1, 1)), config, null,
                s -> terms.add(s.terms()));
        assertEquals(List.of(PitaLoss.SCORE), List.copyOf(terms.get(1).keySet()));
    }

    private static Map<String, Tensor> toTensors(Map<String, HostTensor> batch) {
        Map<String, Tensor> out = new HashMap<>();
        batch.forEach((name, value) -> out.put(name, GraphTensors.fromHost(value)));
        return out;
    }

    static void assertSameState(TrainingState expected, TrainingState actual) {
        assertEquals(expected.step(), actual.step());
        assertArrayEquals(expected.params().toFlat(), actual.params().toFlat(), "parameters");
        assertArrayEquals(expected.ema().toFlat(), actual.ema().toFlat(), "EMA");
        assertArrayEquals(expected.adamM().toFlat(), actual.adamM().toFlat(), "Adam m");
        assertArrayEquals(expected.adamV().toFlat(), actual.adamV().toFlat(), "Adam v");
    }
}
