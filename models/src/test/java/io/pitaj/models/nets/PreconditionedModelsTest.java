package io.pitaj.models.nets;

import io.pitaj.models.graph.Autodiff;
import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.FiniteDifferences;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.Interpreter;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.RandomTensors;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.nn.BoundParameters;
import io.pitaj.models.nn.Parameter;
import io.pitaj.models.nn.ParameterSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The score and energy parameterisations of pita-algorithm.md §1.3 (§1.11's parity fixtures): the untrained models'
 * exact denoiser, D_φ = x − h∇ₓU = c_skip·x + σ·∇ₓ⟨F_φ, c_in·x⟩, and ∇ₓU against finite differences.
 */
class PreconditionedModelsTest {
    private static final int BATCH = 3;

    private record Models(Graph g, Node x, Node h, Node beta, BackboneCall score, BackboneCall energy, Map<String, Tensor> point) {}

    private static Models models(SmallBackbones.Instance b, ParameterSet params) {
        Graph g = new Graph();
        int[] sample = b.backbone().config().sampleShape();
        int[] xShape = new int[sample.length + 1];
        xShape[0] = Shape.BATCH;
        System.arraycopy(sample, 0, xShape, 1, sample.length);
        Node x = g.input("x", DType.F64, xShape), h = g.input("h", DType.F64, Shape.BATCH);
        Node beta = b.backbone().config().betaConditioned() ? g.input("beta", DType.F64, Shape.BATCH) : null;
        BoundParameters p = params.bindAsConstants(g, DType.F64);
        Random rnd = new Random(2);
        Map<String, Tensor> point = new HashMap<>();
        point.put("x", RandomTensors.gaussian(rnd, Shape.of(xShape).bind(BATCH)).map(v -> 2 * v));
        point.put("h", Tensor.vector(0.04, 1.5, 30));
        point.put("beta", Tensor.vector(1, 1.6, 3.2));
        BackboneCall call = BackboneCall.of(b.backbone(), p, x, h, beta, DType.F64);
        return new Models(g, x, h, beta, call, call, point);
    }

    /** As initialised, with the EGNN's coordinate output zeroed (its only layer not zero-initialised), F ≡ 0. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.pitaj.models.nets.SmallBackbones#configs")
    void untrainedModelsAreTheExactDenoiserOfUnitGaussianData(BackboneConfig config) {
        ParameterSet params = new ParameterSet();
        Backbone backbone = config.build(params, new SplittableRandom(1));
        for (Parameter p : params.parameters()) if (p.name().contains("coord_out")) java.util.Arrays.fill(p.values(), 0);
        Models m = models(new SmallBackbones.Instance("zero", backbone, params), params);
        List<Tensor> out = Interpreter.run(List.of(ScoreModel.denoiser(m.score()), ScoreModel.score(m.score()),
                EnergyModel.energy(m.energy())), m.point());
        Tensor x = m.point().get("x"), h = m.point().get("h");
        int d = config.sampleSize();
        double[] denoised = new double[x.size()], score = new double[x.size()], energy = new double[BATCH];
        for (int n = 0; n < BATCH; n++) {
            double hn = h.data()[n];
            for (int i = 0; i < d; i++) {
                double xi = x.data()[n * d + i];
                denoised[n * d + i] = xi / (1 + hn);
                score[n * d + i] = -xi / (1 + hn);
                energy[n] += xi * xi / (2 * (1 + hn));
            }
        }
        FiniteDifferences.assertClose(new Tensor(x.shape(), denoised), out.get(0), 1e-14, "D = x/(1 + h)");
        FiniteDifferences.assertClose(new Tensor(x.shape(), score), out.get(1), 1e-14, "s = −x/(1 + h)");
        FiniteDifferences.assertClose(new Tensor(new int[] {BATCH}, energy), out.get(2), 1e-14, "U = |x|²/(2(1 + h))");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.pitaj.models.nets.SmallBackbones#instances")
    void energyDenoiserIsTheSkipPlusTheGradientOfTheInnerProduct(SmallBackbones.Instance b) {
        Models m = models(b, b.params());
        Node energy = EnergyModel.energy(m.energy());
        Node gradient = EnergyModel.gradient(energy, m.x());
        Node viaEnergy = EnergyModel.denoiser(m.energy(), gradient);
        Node inner = m.energy().perSampleSum(m.energy().output().mul(m.energy().scaled()));
        Node sigma = Preconditioning.perSample(m.h().sqrt(), m.x());
        Node direct = Preconditioning.perSample(Preconditioning.cSkip(m.h()), m.x()).mul(m.x())
                .add(sigma.mul(Autodiff.grad(inner.sumAll(), List.of(m.x())).get(0)));
        List<Tensor> out = Interpreter.run(List.of(viaEnergy, direct), m.point());
        FiniteDifferences.assertClose(out.get(1), out.get(0), 1e-12, "x − h∇U = c_skip·x + σ∇⟨F, c_in·x⟩");
        FiniteDifferences.assertGradientMatches(io.pitaj.models.graph.Engine.INTERPRETER, energy.sumAll(), List.of(m.x()),
                m.point(), 1e-6, 1e-7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.pitaj.models.nets.SmallBackbones#instances")
    void scoreIsDenoiserMinusInputOverVariance(SmallBackbones.Instance b) {
        Models m = models(b, b.params());
        Node h = Preconditioning.perSample(m.h(), m.x());
        List<Tensor> out = Interpreter.run(List.of(ScoreModel.score(m.score()),
                ScoreModel.denoiser(m.score()).sub(m.x()).div(h)), m.point());
        FiniteDifferences.assertClose(out.get(1), out.get(0), 1e-10, "s = (D − x)/h");
    }
}
