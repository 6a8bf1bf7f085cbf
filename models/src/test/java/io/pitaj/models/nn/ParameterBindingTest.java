package io.pitaj.models.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.Interpreter;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.nn.Mlp.Activation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The same module code bound to parameter inputs and to baked-in constants computes the same forward values. */
class ParameterBindingTest {
    @Test
    void inputsAndConstantsGiveIdenticalForwardValues() {
        for (Activation activation : Activation.values()) {
            ParameterSet params = new ParameterSet();
            Mlp mlp = new Mlp(params, "net", 3, 6, 2, 2, activation, new SplittableRandom(5));
            Tensor x = Tensor.zeros(4, 3);
            SplittableRandom rng = new SplittableRandom(9);
            for (int i = 0; i < x.size(); i++) x.data()[i] = rng.nextDouble(-2, 2);

            Graph asInputs = new Graph();
            Node yIn = mlp.apply(params.bindAsInputs(asInputs, DType.F64, "param/"),
                    asInputs.input("x", DType.F64, Shape.BATCH, 3));
            Map<String, Tensor> feed = new HashMap<>(Map.of("x", x));
            params.parameters().forEach(p -> feed.put("param/" + p.name(), p.tensor()));

            Graph asConstants = new Graph();
            Node yConst = mlp.apply(params.bindAsConstants(asConstants, DType.F64),
                    asConstants.input("x", DType.F64, Shape.BATCH, 3));

            double[] viaInputs = Interpreter.run(List.of(yIn), feed).get(0).data();
            double[] viaConstants = Interpreter.run(List.of(yConst), Map.of("x", x)).get(0).data();
            assertArrayEquals(viaInputs, viaConstants, 0.0, activation.name());
        }
    }
}
