package io.pitaj.models.train;

import io.pitaj.models.graph.NamedGraph;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.nn.Parameter;
import io.pitaj.models.nn.ParameterSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EmaUpdateGraphTest {
    @Test
    void decayFollowsTheWarmupFormulaAndCap() {
        assertEquals(2.0 / 11, EmaUpdateGraph.decay(1), 0.0);
        assertEquals(11.0 / 20, EmaUpdateGraph.decay(10), 0.0);
        assertEquals(0.999, EmaUpdateGraph.decay(9000), 0.0);
        assertEquals(0.999, EmaUpdateGraph.decay(1_000_000), 0.0);
        assertThrows(IllegalArgumentException.class, () -> EmaUpdateGraph.decay(0));
    }

    @Test
    void graphEqualsTheFormula() {
        ParameterSet ema = LinearLossFixture.parameters(3), params = LinearLossFixture.parameters(4);
        NamedGraph graph = EmaUpdateGraph.build(ema, DType.F64);
        assertEquals(List.of("new_ema/a", "new_ema/b"), graph.outputNames());
        double d = 0.37;
        Map<String, Tensor> in = new HashMap<>();
        for (Parameter p : ema.parameters()) in.put("ema/" + p.name(), p.tensor());
        for (Parameter p : params.parameters()) in.put("param/" + p.name(), p.tensor());
        in.put("ema_decay", Tensor.scalar(d));
        Map<String, Tensor> out = new InterpreterExecutor(graph).run(in);
        for (Parameter e : ema.parameters()) {
            double[] p = params.get(e.name()).values(), expected = new double[e.size()];
            for (int i = 0; i < expected.length; i++) expected[i] = d * e.values()[i] + (1 - d) * p[i];
            assertArrayEquals(expected, out.get("new_ema/" + e.name()).data(), 1e-15);
        }
    }

    @Test
    void trainerKeepsTheEmaOfItsParameters() {
        ParameterSet init = LinearLossFixture.parameters(5);
        Trainer trainer = new Trainer(
                new InterpreterExecutor(TrainingStepGraph.build(init, DType.F64, AdamConfig.PITA, LinearLossFixture.loss(init))),
                new InterpreterExecutor(EmaUpdateGraph.build(init, DType.F64)), TrainingState.initial(init), 0.1);
        SplittableRandom rng = new SplittableRandom(6);
        double[] expected = init.toFlat();
        for (int n = 1; n <= 3; n++) {
            trainer.step(LinearLossFixture.coefficients(init, 1, rng));
            double d = EmaUpdateGraph.decay(n);
            double[] p = trainer.state().params().toFlat();
            for (int i = 0; i < p.length; i++) expected[i] = d * expected[i] + (1 - d) * p[i];
            assertArrayEquals(expected, trainer.state().ema().toFlat(), 1e-15, "EMA after update " + n);
        }
        assertEquals(3, trainer.state().step());
    }
}
