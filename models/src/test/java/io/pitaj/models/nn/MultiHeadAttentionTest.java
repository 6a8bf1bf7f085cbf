package io.pitaj.models.nn;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pitaj.models.graph.Engine;
import io.pitaj.models.graph.DType;
import io.pitaj.models.graph.FiniteDifferences;
import io.pitaj.models.graph.Graph;
import io.pitaj.models.graph.Interpreter;
import io.pitaj.models.graph.Node;
import io.pitaj.models.graph.RandomTensors;
import io.pitaj.models.graph.Shape;
import io.pitaj.models.graph.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Attention with and without rotary embeddings against a loop-by-loop computation, and its derivatives. */
class MultiHeadAttentionTest {
    private static final int BATCH = 2, T = 3, H = 2, DH = 4, C = H * DH;
    private static final double BASE = 100; // small base: every pair rotates noticeably over 3 positions

    /** Head h of sample n at token t, rotated by the adjacent-pair rule when {@code rotary}. */
    private static double[] head(Tensor x, int n, int t, int h, boolean rotary) {
        double[] v = new double[DH];
        System.arraycopy(x.data(), (n * T + t) * C + h * DH, v, 0, DH);
        if (!rotary) return v;
        double[] r = new double[DH];
        for (int i = 0; i < DH / 2; i++) {
            double angle = t * Math.pow(BASE, -2.0 * i / DH), c = Math.cos(angle), s = Math.sin(angle);
            r[2 * i] = v[2 * i] * c - v[2 * i + 1] * s;
            r[2 * i + 1] = v[2 * i + 1] * c + v[2 * i] * s;
        }
        return r;
    }

    private static Tensor reference(Tensor q, Tensor k, Tensor v, boolean rotary) {
        double[] out = new double[BATCH * T * C];
        for (int n = 0; n < BATCH; n++) {
            for (int h = 0; h < H; h++) {
                for (int i = 0; i < T; i++) {
                    double[] qi = head(q, n, i, h, rotary), weights = new double[T];
                    double total = 0;
                    for (int j = 0; j < T; j++) {
                        double[] kj = head(k, n, j, h, rotary);
                        double dot = 0;
                        for (int d = 0; d < DH; d++) dot += qi[d] * kj[d];
                        weights[j] = Math.exp(dot / Math.sqrt(DH));
                        total += weights[j];
                    }
                    for (int j = 0; j < T; j++) {
                        double[] vj = head(v, n, j, h, false);
                        for (int d = 0; d < DH; d++) out[(n * T + i) * C + h * DH + d] += weights[j] / total * vj[d];
                    }
                }
            }
        }
        return new Tensor(new int[] {BATCH, T, C}, out);
    }

    @ParameterizedTest(name = "rotary={0}")
    @ValueSource(booleans = {false, true})
    void matchesDirectComputationAndFiniteDifferences(boolean rotary) {
        Graph g = new Graph();
        Node q = g.input("q", DType.F64, Shape.BATCH, T, C), k = g.input("k", DType.F64, Shape.BATCH, T, C);
        Node v = g.input("v", DType.F64, Shape.BATCH, T, C);
        Random rnd = new Random(rotary ? 1 : 2);
        Map<String, Tensor> point = Map.of("q", RandomTensors.gaussian(rnd, BATCH, T, C),
                "k", RandomTensors.gaussian(rnd, BATCH, T, C), "v", RandomTensors.gaussian(rnd, BATCH, T, C));
        Node y = rotary ? MultiHeadAttention.applyWithRotary(q, k, v, H, BASE) : MultiHeadAttention.apply(q, k, v, H);
        Tensor expected = reference(point.get("q"), point.get("k"), point.get("v"), rotary);
        FiniteDifferences.assertClose(expected, Interpreter.run(List.of(y), point).get(0), 1e-14, "attention");
        FiniteDifferences.assertDerivativesOfWeightedSumMatch(Engine.INTERPRETER, y, List.of(q, k, v), point, BATCH, rnd,
                FiniteDifferences.STEP, FiniteDifferences.TOLERANCE);
    }

    @Test
    void rotaryEmbeddingRotatesAdjacentPairsByPositionTimesFrequency() {
        Graph g = new Graph();
        Node x = g.input("x", DType.F64, Shape.BATCH, T, H, DH);
        Tensor xv = RandomTensors.gaussian(new Random(4), BATCH, T, H, DH);
        Tensor out = Interpreter.run(List.of(RotaryEmbedding.apply(x, BASE)), Map.of("x", xv)).get(0);
        // the [N, T, H·dh] layout of head() is the [N, T, H, dh] layout flattened
        Tensor flat = xv.reshape(new int[] {BATCH, T, C});
        double[] expected = new double[xv.size()];
        for (int n = 0; n < BATCH; n++) {
            for (int t = 0; t < T; t++) {
                for (int h = 0; h < H; h++) {
                    System.arraycopy(head(flat, n, t, h, true), 0, expected, (n * T + t) * C + h * DH, DH);
                }
            }
        }
        FiniteDifferences.assertClose(new Tensor(xv.shape(), expected), out, 1e-15, "rotary");
    }

    @Test
    void headsMustDivideTheWidth() {
        Graph g = new Graph();
        Node q = g.input("q", DType.F64, Shape.BATCH, T, C);
        assertThrows(IllegalArgumentException.class, () -> MultiHeadAttention.apply(q, q, q, 3));
    }
}
