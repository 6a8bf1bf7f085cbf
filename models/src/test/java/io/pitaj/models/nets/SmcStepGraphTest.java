package io.pitaj.models.nets;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.Engine;
import io.pitaj.models.graph.FiniteDifferences;
import io.pitaj.models.graph.Interpreter;
import io.pitaj.models.graph.NamedGraph;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.OrtEngine;
import io.pitaj.models.graph.RandomTensors;
import io.pitaj.models.graph.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One SMC-step graph per model pair: every output against finite differences of the graph's own score and energy
 * (the divergence as the Jacobian trace of s over the full space, ∇ₓU, and ∂U/∂t through h(t) and every c(h)),
 * Hutchinson's estimate made exact by the scaled basis probes, and ONNX Runtime's float32 networks against the
 * double-precision interpreter.
 */
class SmcStepGraphTest {
    private static final int BATCH = 3;
    private static final NoiseSchedule SCHEDULE = NoiseSchedule.edm(0.01);
    private static final OrtEngine ORT = new OrtEngine();

    @AfterAll
    static void close() { ORT.close(); }

    private static ModelPair pair(SmallBackbones.Instance b, DType network) {
        SmallBackbones.Instance other = SmallBackbones.instance(b.backbone().config(), 99);
        return new ModelPair(b.backbone(), b.params(), other.params(), network);
    }

    private static Map<String, Tensor> point(BackboneConfig c, Random rnd) {
        int[] sample = c.sampleShape();
        int[] shape = new int[sample.length + 1];
        shape[0] = BATCH;
        System.arraycopy(sample, 0, shape, 1, sample.length);
        Map<String, Tensor> p = new HashMap<>();
        p.put(SmcStepGraph.X, RandomTensors.gaussian(rnd, shape));
        p.put(SmcStepGraph.T, Tensor.vector(0.12, 0.45, 0.8));
        p.put(SmcStepGraph.BETA, Tensor.vector(1, 1.33, 2.67));
        return p;
    }

    private static Map<String, Tensor> inputsOf(NamedGraph g, Map<String, Tensor> point) {
        Map<String, Tensor> p = new HashMap<>();
        for (Node in : g.graph().inputs()) {
            String name = ((io.pitaj.models.graph.ops.Input) in.op()).inputName();
            if (point.containsKey(name)) p.put(name, point.get(name));
        }
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.pitaj.models.nets.SmallBackbones#instances")
    void everyOutputMatchesFiniteDifferences(SmallBackbones.Instance b) {
        NamedGraph step = SmcStepGraph.build(pair(b, DType.F64), SCHEDULE, DivergenceMode.exact(2));
        Map<String, Tensor> point = inputsOf(step, point(b.backbone().config(), new Random(1)));
        Node score = step.outputs().get(SmcStepGraph.SCORE), energy = step.outputs().get(SmcStepGraph.ENERGY);
        List<Tensor> out = Interpreter.run(step.outputNodes(), point);
        Tensor x = point.get(SmcStepGraph.X);
        int d = x.size() / BATCH;
        double[] trace = new double[BATCH], gradient = new double[x.size()];
        for (int i = 0; i < d; i++) {
            Tensor direction = Tensor.zeros(x.shape());
            for (int n = 0; n < BATCH; n++) direction.data()[n * d + i] = 1;
            List<Tensor> diff = FiniteDifferences.directional(Engine.INTERPRETER, List.of(score, energy), point,
                    Map.of(SmcStepGraph.X, direction), 1e-6);
            for (int n = 0; n < BATCH; n++) {
                trace[n] += diff.get(0).data()[n * d + i];
                gradient[n * d + i] = diff.get(1).data()[n];
            }
        }
        Tensor dt = FiniteDifferences.directional(Engine.INTERPRETER, List.of(energy), point,
                Map.of(SmcStepGraph.T, Tensor.filled(1, BATCH)), 1e-7).get(0);
        FiniteDifferences.assertClose(new Tensor(new int[] {BATCH}, trace), out.get(1), 1e-6, b + " ∇·s");
        FiniteDifferences.assertClose(new Tensor(x.shape(), gradient), out.get(3), 1e-6, b + " ∇U");
        FiniteDifferences.assertClose(dt, out.get(4), 1e-5, b + " ∂U/∂t");
    }

    /** With the d probes √d·e_i, Hutchinson's average is the trace itself. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.pitaj.models.nets.SmallBackbones#instances")
    void hutchinsonWithTheScaledBasisIsExact(SmallBackbones.Instance b) {
        int d = b.backbone().config().sampleSize();
        ModelPair models = pair(b, DType.F64);
        NamedGraph exact = SmcStepGraph.build(models, SCHEDULE, DivergenceMode.exact(d));
        NamedGraph hutchinson = SmcStepGraph.build(models, SCHEDULE, DivergenceMode.hutchinson(d));
        Map<String, Tensor> point = point(b.backbone().config(), new Random(2));
        double[] probes = new double[d * BATCH * d];
        for (int j = 0; j < d; j++) for (int n = 0; n < BATCH; n++) probes[(j * BATCH + n) * d + j] = Math.sqrt(d);
        int[] probeShape = new int[point.get(SmcStepGraph.X).rank() + 1];
        probeShape[0] = d;
        System.arraycopy(point.get(SmcStepGraph.X).shape(), 0, probeShape, 1, probeShape.length - 1);
        point.put(SmcStepGraph.PROBE, new Tensor(probeShape, probes));
        Tensor expected = Interpreter.run(List.of(exact.outputs().get(SmcStepGraph.DIVERGENCE)), inputsOf(exact, point)).get(0);
        Tensor actual = Interpreter.run(List.of(hutchinson.outputs().get(SmcStepGraph.DIVERGENCE)), inputsOf(hutchinson, point)).get(0);
        FiniteDifferences.assertClose(expected, actual, 1e-12, b + " Hutchinson over the scaled basis");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.pitaj.models.nets.SmallBackbones#instances")
    void onnxRuntimeFloat32AgreesWithTheInterpreter(SmallBackbones.Instance b) {
        NamedGraph step = SmcStepGraph.build(pair(b, DType.F32), SCHEDULE, DivergenceMode.exact(3));
        Map<String, Tensor> point = inputsOf(step, point(b.backbone().config(), new Random(3)));
        List<Tensor> expected = Interpreter.run(step.outputNodes(), point), actual = ORT.run(step.outputNodes(), point);
        for (int i = 0; i < expected.size(); i++) {
            FiniteDifferences.assertClose(expected.get(i), actual.get(i), 1e-4, b + " " + step.outputNames().get(i));
        }
    }
}
