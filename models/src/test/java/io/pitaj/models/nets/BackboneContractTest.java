package io.pitaj.models.nets;

import io.pitaj.models.graph.Autodiff;
import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Engine;
import io.pitaj.models.graph.FiniteDifferences;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.Interpreter;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.OrtEngine;
import io.pitaj.models.graph.RandomTensors;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.nn.BoundParameters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every backbone promises: the batched exact divergence equals a finite-difference Jacobian trace for any
 * number of coordinates per backward pass, in the interpreter and in ONNX Runtime; and extra leading axes change
 * nothing (rank polymorphism).
 */
class BackboneContractTest {
    private static final int BATCH = 2;
    private static final OrtEngine ORT = new OrtEngine();

    @AfterAll
    static void close() { ORT.close(); }

    /** The graph F(c_noise, y, β) with weights as float64 constants, and a random point. */
    private record Setup(Graph g, Node cNoise, Node y, Node beta, Node f, Map<String, Tensor> point) {}

    private static Setup setup(SmallBackbones.Instance b, Random rnd, int... lead) {
        Graph g = new Graph();
        int[] sample = b.backbone().config().sampleShape();
        int[] leadShape = lead.length == 0 ? new int[] {Shape.BATCH} : lead;
        int[] yShape = new int[leadShape.length + sample.length];
        System.arraycopy(leadShape, 0, yShape, 0, leadShape.length);
        System.arraycopy(sample, 0, yShape, leadShape.length, sample.length);
        Node cNoise = g.input("c_noise", DType.F64, leadShape), y = g.input("y", DType.F64, yShape);
        Node beta = b.backbone().config().betaConditioned() ? g.input("beta", DType.F64, leadShape) : null;
        BoundParameters p = b.params().bindAsConstants(g, DType.F64);
        Map<String, Tensor> point = new HashMap<>();
        point.put("y", RandomTensors.gaussian(rnd, Shape.of(yShape).bind(BATCH)));
        point.put("c_noise", RandomTensors.sample(RandomTensors.uniform(-1, 1), rnd, Shape.of(leadShape).bind(BATCH)));
        if (beta != null) point.put("beta", RandomTensors.sample(RandomTensors.uniform(0.5, 2), rnd, Shape.of(leadShape).bind(BATCH)));
        return new Setup(g, cNoise, y, beta, b.backbone().apply(p, cNoise, y, beta), point);
    }

    static Stream<Arguments> perPass() {
        return SmallBackbones.instances().stream().flatMap(b -> {
            int d = b.backbone().config().sampleSize();
            return Stream.of(1, 2, d).distinct().map(k -> Arguments.of(b, k));
        });
    }

    @ParameterizedTest(name = "{0}, {1} per pass")
    @MethodSource("perPass")
    void exactDivergenceIsTheJacobianTraceInTheInterpreter(SmallBackbones.Instance b, int k) {
        checkDivergence(b, k, Engine.INTERPRETER, 1e-7);
    }

    @ParameterizedTest(name = "{0}, {1} per pass")
    @MethodSource("perPass")
    void exactDivergenceIsTheJacobianTraceInOnnxRuntime(SmallBackbones.Instance b, int k) {
        checkDivergence(b, k, ORT, 1e-7);
    }

    private static void checkDivergence(SmallBackbones.Instance b, int k, Engine engine, double tol) {
        Setup s = setup(b, new Random(3));
        Tensor exact = engine.run(List.of(Autodiff.divergence(s.f(), s.y(), k)), s.point()).get(0);
        Tensor y0 = s.point().get("y");
        int d = y0.size() / BATCH;
        double[] trace = new double[BATCH];
        for (int i = 0; i < d; i++) {
            Tensor direction = Tensor.zeros(y0.shape());
            for (int n = 0; n < BATCH; n++) direction.data()[n * d + i] = 1;
            Tensor df = FiniteDifferences.directional(engine, List.of(s.f()), s.point(), Map.of("y", direction), 1e-5).get(0);
            for (int n = 0; n < BATCH; n++) trace[n] += df.data()[n * d + i];
        }
        FiniteDifferences.assertClose(new Tensor(new int[] {BATCH}, trace), exact, tol, b + " divergence, " + k + " per pass");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.pitaj.models.nets.SmallBackbones#instances")
    void extraLeadingAxesChangeNothing(SmallBackbones.Instance b) {
        Random rnd = new Random(5);
        Setup stacked = setup(b, rnd, 2, Shape.BATCH);
        Tensor together = Interpreter.run(List.of(stacked.f()), stacked.point()).get(0);
        int per = together.size() / 2;
        for (int j = 0; j < 2; j++) {
            Setup single = setup(b, rnd);
            Map<String, Tensor> point = new HashMap<>();
            for (Map.Entry<String, Tensor> e : stacked.point().entrySet()) {
                Tensor all = e.getValue();
                int size = all.size() / 2;
                int[] shape = java.util.Arrays.copyOfRange(all.shape(), 1, all.rank());
                point.put(e.getKey(), new Tensor(shape, java.util.Arrays.copyOfRange(all.data(), j * size, (j + 1) * size)));
            }
            Tensor alone = Interpreter.run(List.of(single.f()), point).get(0);
            Tensor slice = new Tensor(alone.shape(), java.util.Arrays.copyOfRange(together.data(), j * per, (j + 1) * per));
            FiniteDifferences.assertClose(alone, slice, 1e-12, b + " with a leading axis, slice " + j);
        }
    }
}
