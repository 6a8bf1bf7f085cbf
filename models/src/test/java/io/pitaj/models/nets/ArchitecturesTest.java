package io.pitaj.models.nets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.FiniteDifferences;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.Interpreter;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.OrtEngine;
import io.pitaj.models.graph.RandomTensors;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import io.pitaj.models.nn.ParameterSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The EGNN and the DiT against plain-loop implementations of the specification, their parameter counts, the EGNN's
 * symmetries, and the untrained models' exact denoiser.
 */
class ArchitecturesTest {
    private static final int BATCH = 3;
    private static final OrtEngine ORT = new OrtEngine();

    @AfterAll
    static void close() { ORT.close(); }

    /** F as a graph over inputs c_noise [N], y [N, sample] and (if conditioned) β [N], weights as constants. */
    private static Node graph(Graph g, Backbone b, ParameterSet p, DType type) {
        int[] sample = b.config().sampleShape();
        int[] yShape = new int[sample.length + 1];
        yShape[0] = Shape.BATCH;
        System.arraycopy(sample, 0, yShape, 1, sample.length);
        Node beta = b.config().betaConditioned() ? g.input("beta", type, Shape.BATCH) : null;
        return b.apply(p.bindAsConstants(g, type), g.input("c_noise", type, Shape.BATCH), g.input("y", type, yShape), beta);
    }

    private static Map<String, Tensor> point(BackboneConfig c, Random rnd) {
        int[] sample = c.sampleShape();
        int[] shape = new int[sample.length + 1];
        shape[0] = BATCH;
        System.arraycopy(sample, 0, shape, 1, sample.length);
        Map<String, Tensor> point = new HashMap<>();
        point.put("y", RandomTensors.gaussian(rnd, shape));
        point.put("c_noise", RandomTensors.sample(RandomTensors.uniform(-1, 1), rnd, BATCH));
        point.put("beta", RandomTensors.sample(RandomTensors.uniform(0.5, 3), rnd, BATCH));
        return point;
    }

    @ParameterizedTest(name = "config {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void graphsMatchTheSpecificationWrittenAsLoops(int which) {
        SmallBackbones.Instance b = SmallBackbones.instance(SmallBackbones.configs().get(which), 11);
        Graph g = new Graph();
        Node f = graph(g, b.backbone(), b.params(), DType.F64);
        Map<String, Tensor> point = point(b.backbone().config(), new Random(which));
        Tensor actual = Interpreter.run(List.of(f), point).get(0);
        int[] sample = b.backbone().config().sampleShape();
        double[] expected = new double[actual.size()];
        for (int n = 0; n < BATCH; n++) {
            double[][] y = new double[sample[0]][sample[1]];
            for (int i = 0; i < sample[0]; i++) {
                for (int k = 0; k < sample[1]; k++) y[i][k] = point.get("y").data()[(n * sample[0] + i) * sample[1] + k];
            }
            double cNoise = point.get("c_noise").data()[n], beta = point.get("beta").data()[n];
            double[][] out = b.backbone().config() instanceof EgnnConfig e
                    ? EgnnReference.apply(e, b.params(), cNoise, y, beta)
                    : DitReference.apply((DitConfig) b.backbone().config(), b.params(), cNoise, y, beta);
            for (int i = 0; i < sample[0]; i++) System.arraycopy(out[i], 0, expected, (n * sample[0] + i) * sample[1], sample[1]);
        }
        FiniteDifferences.assertClose(new Tensor(actual.shape(), expected), actual, 1e-12, b + " against the loops");
    }

    @Test
    void referenceConfigurationsHaveThePapersSizes() {
        ParameterSet egnn = new ParameterSet(), dit = new ParameterSet();
        EgnnConfig.reference(13, 3).build(egnn, new SplittableRandom(1));
        DitConfig.reference(22).build(dit, new SplittableRandom(1));
        // 22,533 in the reference minus its unused final node layer (32·2 + 2); 3,179,267 in the reference minus its
        // β embedder, which the unconditioned peptide runs never call
        assertEquals(22_467, egnn.count(), "EGNN 3 × 32 for LJ-13 (≈ 22.5 k)");
        assertEquals(3_158_659, dit.count(), "DiT 6 × 192 for ALDP (≈ 3.2 M)");
    }

    /** F(R·y + c) = R·F(y) and F(π·y) = π·F(y), in double precision and in ORT's float32 run. */
    @ParameterizedTest(name = "float32 in ORT: {0}")
    @ValueSource(booleans = {false, true})
    void egnnIsEquivariant(boolean float32) {
        SmallBackbones.Instance b = SmallBackbones.instance(new EgnnConfig(5, 3, 8, 3, 15, true), 3);
        DType type = float32 ? DType.F32 : DType.F64;
        double tol = float32 ? 2e-6 : 1e-12;
        Graph g = new Graph();
        Node f = graph(g, b.backbone(), b.params(), type);
        Map<String, Tensor> point = point(b.backbone().config(), new Random(8));
        Tensor y = point.get("y");
        double[][] rotation = randomRotation(new Random(4));
        int[] perm = {3, 0, 4, 1, 2};
        Tensor moved = Tensor.zeros(y.shape()), permuted = Tensor.zeros(y.shape());
        for (int n = 0; n < BATCH; n++) {
            for (int i = 0; i < 5; i++) {
                for (int k = 0; k < 3; k++) {
                    double v = 0.7 * (k + 1);
                    for (int l = 0; l < 3; l++) v += rotation[k][l] * y.data()[(n * 5 + i) * 3 + l];
                    moved.data()[(n * 5 + i) * 3 + k] = v;
                    permuted.data()[(n * 5 + i) * 3 + k] = y.data()[(n * 5 + perm[i]) * 3 + k];
                }
            }
        }
        Tensor f0 = run(f, point, float32), fMoved = run(f, with(point, moved), float32), fPermuted = run(f, with(point, permuted), float32);
        Tensor rotated = Tensor.zeros(y.shape()), permutedF = Tensor.zeros(y.shape());
        for (int n = 0; n < BATCH; n++) {
            for (int i = 0; i < 5; i++) {
                for (int k = 0; k < 3; k++) {
                    double v = 0;
                    for (int l = 0; l < 3; l++) v += rotation[k][l] * f0.data()[(n * 5 + i) * 3 + l];
                    rotated.data()[(n * 5 + i) * 3 + k] = v;
                    permutedF.data()[(n * 5 + i) * 3 + k] = f0.data()[(n * 5 + perm[i]) * 3 + k];
                }
            }
        }
        FiniteDifferences.assertClose(rotated, fMoved, tol, "rotated and translated input");
        FiniteDifferences.assertClose(permutedF, fPermuted, tol, "permuted particles");
    }

    private static Tensor run(Node f, Map<String, Tensor> point, boolean ort) {
        return (ort ? ORT.run(List.of(f), point) : Interpreter.run(List.of(f), point)).get(0);
    }

    private static Map<String, Tensor> with(Map<String, Tensor> point, Tensor y) {
        Map<String, Tensor> p = new HashMap<>(point);
        p.put("y", y);
        return p;
    }

    /** A rotation (det +1) from the QR decomposition of a Gaussian matrix by Gram–Schmidt. */
    static double[][] randomRotation(Random rnd) {
        double[][] q = new double[3][3];
        for (int i = 0; i < 3; i++) {
            double[] v = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            for (int j = 0; j < i; j++) {
                double dot = v[0] * q[j][0] + v[1] * q[j][1] + v[2] * q[j][2];
                for (int k = 0; k < 3; k++) v[k] -= dot * q[j][k];
            }
            double norm = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
            for (int k = 0; k < 3; k++) q[i][k] = v[k] / norm;
        }
        double det = q[0][0] * (q[1][1] * q[2][2] - q[1][2] * q[2][1]) - q[0][1] * (q[1][0] * q[2][2] - q[1][2] * q[2][0])
                + q[0][2] * (q[1][0] * q[2][1] - q[1][1] * q[2][0]);
        if (det < 0) for (int k = 0; k < 3; k++) q[2][k] = -q[2][k];
        return q;
    }
}
