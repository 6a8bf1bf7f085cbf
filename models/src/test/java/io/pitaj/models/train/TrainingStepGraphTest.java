package io.pitaj.models.train;

import io.pitaj.models.graph.NamedGraph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.graph.ops.Input;
import io.pitaj.models.nn.Mlp;
import io.pitaj.models.nn.Parameter;
import io.pitaj.models.nn.ParameterSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The names and order a runtime session is driven by, and the float type chosen at build time. */
class TrainingStepGraphTest {
    private final ParameterSet params = new ParameterSet();
    private final Mlp energy = new Mlp(params, "u", 2, 3, 1, 1, Mlp.Activation.SILU, new SplittableRandom(8));
    private final LossFunction loss = (p, data) -> {
        Node x = data.input("x", Shape.BATCH, 2);
        return Losses.gradientStepSquaredNorm(energy.apply(p, x), x, 0.1);
    };

    @Test
    void inputsAndOutputsFollowTheNamingScheme() {
        NamedGraph step = TrainingStepGraph.build(params, DType.F64, AdamConfig.PITA, loss, false);
        List<String> inputs = step.graph().inputs().stream().map(n -> ((Input) n.op()).inputName()).toList();
        assertEquals(List.of(
                "param/u/0/weight", "param/u/0/bias", "param/u/1/weight", "param/u/1/bias",
                "adam_m/u/0/weight", "adam_m/u/0/bias", "adam_m/u/1/weight", "adam_m/u/1/bias",
                "adam_v/u/0/weight", "adam_v/u/0/bias", "adam_v/u/1/weight", "adam_v/u/1/bias",
                "step", "lr", "data/x"), inputs);
        assertEquals(List.of("loss", "grad_norm",
                "new_param/u/0/weight", "new_param/u/0/bias", "new_param/u/1/weight", "new_param/u/1/bias",
                "new_adam_m/u/0/weight", "new_adam_m/u/0/bias", "new_adam_m/u/1/weight", "new_adam_m/u/1/bias",
                "new_adam_v/u/0/weight", "new_adam_v/u/0/bias", "new_adam_v/u/1/weight", "new_adam_v/u/1/bias"),
                step.outputNames());
        for (Parameter p : params.parameters()) {
            assertEquals(Shape.of(p.shape()), step.outputs().get("new_param/" + p.name()).shape());
        }
        assertEquals(Shape.SCALAR, step.outputs().get("loss").shape());
    }

    @Test
    void theEmaDecayFollowsTorchEma() {
        assertEquals(2.0 / 11, TrainingStepGraph.emaDecay(1), 0.0);
        assertEquals(11.0 / 20, TrainingStepGraph.emaDecay(10), 0.0);
        assertEquals(0.999, TrainingStepGraph.emaDecay(9000), 0.0);
        assertEquals(0.999, TrainingStepGraph.emaDecay(1_000_000), 0.0);
        assertThrows(IllegalArgumentException.class, () -> TrainingStepGraph.emaDecay(0));
    }

    @Test
    void theFoldedEmaAveragesTheUpdatedParameters() {
        NamedGraph step = TrainingStepGraph.build(params, DType.F64, AdamConfig.PITA, loss, true);
        InterpreterExecutor run = new InterpreterExecutor(step);
        Tensor x = new Tensor(new int[] {3, 2}, new double[] {0.1, -0.4, 0.8, 0.3, -0.9, 0.5});
        ParameterSet ema = params.copy();
        for (Parameter p : ema.parameters()) java.util.Arrays.setAll(p.values(), i -> 0.01 * i - 0.2);
        for (long t : new long[] {1, 7, 5000}) {
            TrainingState state = new TrainingState(params.copy(), ema, params.zerosLike(), params.zerosLike(), t - 1);
            Map<String, Tensor> in = ReferenceLoop.stepInputs(state, 1e-3, Map.of("x", x));
            for (Parameter p : ema.parameters()) in.put("ema/" + p.name(), p.tensor());
            Map<String, Tensor> out = run.run(in);
            double d = TrainingStepGraph.emaDecay(t);
            for (Parameter p : ema.parameters()) {
                double[] updated = out.get("new_param/" + p.name()).data(), averaged = out.get("new_ema/" + p.name()).data();
                for (int i = 0; i < updated.length; i++) {
                    assertEquals(d * p.values()[i] + (1 - d) * updated[i], averaged[i], 1e-15, p.name() + " at step " + t);
                }
            }
        }
    }

    @Test
    void float32GraphsBuildWithTheSameStructureAndValues() {
        NamedGraph f64 = TrainingStepGraph.build(params, DType.F64, AdamConfig.PITA, loss, false);
        NamedGraph f32 = TrainingStepGraph.build(params, DType.F32, AdamConfig.PITA, loss, false);
        for (Node out : f32.outputNodes()) assertEquals(DType.F32, out.dtype());
        Map<String, Tensor> in = ReferenceLoop.stepInputs(TrainingState.initial(params), 1e-3,
                Map.of("x", new Tensor(new int[] {3, 2}, new double[] {0.1, -0.4, 0.8, 0.3, -0.9, 0.5})));
        // the interpreter evaluates every type in double precision, so the two graphs must agree exactly
        assertEquals(new InterpreterExecutor(f64).run(in), new InterpreterExecutor(f32).run(in));
    }

    @Test
    void rejectsUnknownInputNamesAndNonScalarLosses() {
        InterpreterExecutor executor = new InterpreterExecutor(TrainingStepGraph.build(params, DType.F64, AdamConfig.PITA, loss, false));
        assertThrows(IllegalArgumentException.class, () -> executor.run(Map.of("data/y", Tensor.scalar(0))));
        assertThrows(IllegalArgumentException.class, () -> TrainingStepGraph.build(params, DType.F64, AdamConfig.PITA,
                (p, data) -> energy.apply(p, data.input("x", Shape.BATCH, 2)), false));
    }
}
