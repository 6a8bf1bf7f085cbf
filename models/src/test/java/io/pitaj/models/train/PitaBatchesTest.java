package io.pitaj.models.train;

import static org.junit.jupiter.api.Assertions.*;

import io.pitaj.models.nets.EgnnConfig;
import io.pitaj.models.nets.MlpConfig;
import io.pitaj.models.onnx.ElementType;
import io.pitaj.models.onnx.HostTensor;
import io.pitaj.models.targets.ParticleLayout;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The per-step draws: rotation of sample and force together, centring, noise levels, clipping, sampling. */
class PitaBatchesTest {
    private static final ParticleLayout LAYOUT = new ParticleLayout(4, 3);
    private static final int BATCH = 4000;

    private static Map<String, HostTensor> draw(TrainingSamples samples, boolean withForce) {
        PitaBatches batches = new PitaBatches(new EgnnConfig(4, 3, 4, 1, 15, true), BATCH, withForce ? LossWeights.PEPTIDES : LossWeights.PARTICLES, ElementType.FLOAT64, 1);
        return batches.draw(samples, 1, new SplittableRandom(5));
    }

    @Test
    void eachSampleIsRotatedTogetherWithItsForce() {
        // one harmonic sample: every batch row is a rotation of it, and the harmonic force −β·x must follow
        TrainingSamples one = TinyPita.harmonic(LAYOUT, 1, 2.0, 3);
        Map<String, HostTensor> b = draw(one, true);
        double[] x = b.get(PitaLoss.X0).doubles(), f = b.get(PitaLoss.FORCE).doubles(), x0 = one.x();
        double[] meanR = new double[9], meanR2 = new double[9];
        for (int r = 0; r < BATCH; r++) {
            int o = r * 12;
            for (int k = 0; k < 12; k++) assertEquals(-2.0 * x[o + k], f[o + k], 1e-12, "force follows the sample");
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    assertEquals(distance(x0, 0, i, j), distance(x, o, i, j), 1e-12, "rotations keep distances");
                }
            }
            for (int c = 0; c < 3; c++) assertEquals(0, x[o + c] + x[o + 3 + c] + x[o + 6 + c] + x[o + 9 + c], 1e-12, "centred");
            // recover R from the rotated sample: for Haar rotations E[R] = 0 and E[R_ij²] = 1/3
            double[] rot = recoverRotation(x0, x, o);
            for (int k = 0; k < 9; k++) {
                meanR[k] += rot[k] / BATCH;
                meanR2[k] += rot[k] * rot[k] / BATCH;
            }
        }
        // sd of R_ij is 1/√3, of R_ij² about 0.3; 4σ over 4000 draws
        for (int k = 0; k < 9; k++) {
            assertEquals(0, meanR[k], 4 * 0.577 / Math.sqrt(BATCH), "E[R] entry " + k);
            assertEquals(1.0 / 3, meanR2[k], 4 * 0.3 / Math.sqrt(BATCH), "E[R²] entry " + k);
        }
    }

    @Test
    void noiseIsMeanFreeAndNoiseLevelsAreLogNormal() {
        Map<String, HostTensor> b = draw(TinyPita.harmonic(LAYOUT, 50, 1, 3), false);
        assertFalse(b.containsKey(PitaLoss.FORCE), "no force input without a target-score term");
        double[] noise = b.get(PitaLoss.NOISE).doubles(), ls = b.get(PitaLoss.LOG_SIGMA).doubles();
        double sum = 0, sq = 0, var = 0;
        for (int r = 0; r < BATCH; r++) {
            for (int c = 0; c < 3; c++) assertEquals(0, noise[r * 12 + c] + noise[r * 12 + 3 + c] + noise[r * 12 + 6 + c] + noise[r * 12 + 9 + c], 1e-12);
            sum += ls[r];
            sq += ls[r] * ls[r];
        }
        for (double v : noise) var += v * v / noise.length;
        double mean = sum / BATCH, sd = Math.sqrt(sq / BATCH - mean * mean);
        assertEquals(-1.2, mean, 4 * 1.2 / Math.sqrt(BATCH));
        assertEquals(1.2, sd, 4 * 1.2 / Math.sqrt(2 * BATCH));
        // centring 4 particles leaves 3/4 of the variance per coordinate
        assertEquals(0.75, var, 0.05);
        for (double beta : b.get(PitaLoss.BETA).doubles()) assertEquals(1, beta);
    }

    @Test
    void samplesAreDrawnUniformlyWithReplacementAndEnergiesAreNegatedLogDensities() {
        TrainingSamples s = new TrainingSamples(new ParticleLayout(1, 2), false, 1, new double[] {0, 0, 1, 1, 2, 2},
                new double[] {-0.5, -1.5, -2.5}, new double[6]);
        PitaBatches batches = new PitaBatches(new MlpConfig(List.of(2), 4, 1, 4, false), 3000, LossWeights.PARTICLES, ElementType.FLOAT64, 1);
        Map<String, HostTensor> b = batches.draw(s, 1, new SplittableRandom(2));
        int[] counts = new int[3];
        double[] x = b.get(PitaLoss.X0).doubles(), e = b.get(PitaLoss.REDUCED_ENERGY).doubles();
        for (int r = 0; r < 3000; r++) {
            int i = (int) x[2 * r];
            assertEquals(i, x[2 * r + 1], "non-particle samples are neither rotated nor centred");
            assertEquals(0.5 + i, e[r]);
            counts[i]++;
        }
        for (int c : counts) assertEquals(1000, c, 4 * Math.sqrt(3000 * (1.0 / 3) * (2.0 / 3)));
    }

    @Test
    void forcesAreClippedPerParticleToTheReferenceNorm() {
        double[] f = {3000, 4000, 0, 1, 2, 2};
        PitaBatches.clipForce(new ParticleLayout(2, 3), true, f, 0);
        assertArrayEquals(new double[] {600, 800, 0, 1, 2, 2}, f, 1e-6);
        double[] g = {3000, 4000};
        PitaBatches.clipForce(new ParticleLayout(1, 2), false, g, 0);
        assertEquals(1000, Math.hypot(g[0], g[1]), 1e-6);
    }

    private static double distance(double[] x, int o, int i, int j) {
        double s = 0;
        for (int c = 0; c < 3; c++) s += Math.pow(x[o + 3 * i + c] - x[o + 3 * j + c], 2);
        return Math.sqrt(s);
    }

    /** R with y_i = R·x_i for the four centred particles (least squares via the normal equations, exact here). */
    private static double[] recoverRotation(double[] x, double[] y, int o) {
        double[] xxT = new double[9], yxT = new double[9];
        for (int p = 0; p < 4; p++) {
            for (int a = 0; a < 3; a++) {
                for (int c = 0; c < 3; c++) {
                    xxT[a * 3 + c] += x[3 * p + a] * x[3 * p + c];
                    yxT[a * 3 + c] += y[o + 3 * p + a] * x[3 * p + c];
                }
            }
        }
        double[] inv = invert3(xxT), r = new double[9];
        for (int a = 0; a < 3; a++) for (int c = 0; c < 3; c++) for (int k = 0; k < 3; k++) r[a * 3 + c] += yxT[a * 3 + k] * inv[k * 3 + c];
        return r;
    }

    private static double[] invert3(double[] m) {
        double det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
        double[] inv = {
                m[4] * m[8] - m[5] * m[7], m[2] * m[7] - m[1] * m[8], m[1] * m[5] - m[2] * m[4],
                m[5] * m[6] - m[3] * m[8], m[0] * m[8] - m[2] * m[6], m[2] * m[3] - m[0] * m[5],
                m[3] * m[7] - m[4] * m[6], m[1] * m[6] - m[0] * m[7], m[0] * m[4] - m[1] * m[3]};
        for (int i = 0; i < 9; i++) inv[i] /= det;
        return inv;
    }
}
