package io.pitaj.models.targets;

import java.util.SplittableRandom;

/** Rigid motions and relabellings of particle configurations, for invariance tests. */
final class Configurations {
    private Configurations() {}

    static double[] translated(double[] x, int spatialDim, double[] shift) {
        double[] y = x.clone();
        for (int k = 0; k < y.length; k++) y[k] += shift[k % spatialDim];
        return y;
    }

    /** Applies the row-major spatialDim × spatialDim matrix r to every particle. */
    static double[] rotated(double[] x, int spatialDim, double[] r) {
        double[] y = new double[x.length];
        for (int p = 0; p < x.length; p += spatialDim) {
            for (int a = 0; a < spatialDim; a++) {
                double s = 0;
                for (int b = 0; b < spatialDim; b++) s += r[a * spatialDim + b] * x[p + b];
                y[p + a] = s;
            }
        }
        return y;
    }

    static double[] rotation2d(double angle) {
        return new double[] {Math.cos(angle), -Math.sin(angle), Math.sin(angle), Math.cos(angle)};
    }

    /** A random proper 3-D rotation from a normalised random quaternion. */
    static double[] rotation3d(SplittableRandom rng) {
        double w = rng.nextDouble(-1, 1), i = rng.nextDouble(-1, 1), j = rng.nextDouble(-1, 1), k = rng.nextDouble(-1, 1);
        double n = Math.sqrt(w * w + i * i + j * j + k * k);
        w /= n; i /= n; j /= n; k /= n;
        return new double[] {
            1 - 2 * (j * j + k * k), 2 * (i * j - k * w), 2 * (i * k + j * w),
            2 * (i * j + k * w), 1 - 2 * (i * i + k * k), 2 * (j * k - i * w),
            2 * (i * k - j * w), 2 * (j * k + i * w), 1 - 2 * (i * i + j * j)};
    }

    /** Particles in reversed order, then the first two swapped — a permutation with no fixed structure. */
    static double[] permuted(double[] x, int spatialDim) {
        int n = x.length / spatialDim;
        int[] order = new int[n];
        for (int p = 0; p < n; p++) order[p] = n - 1 - p;
        int t = order[0]; order[0] = order[1]; order[1] = t;
        double[] y = new double[x.length];
        for (int p = 0; p < n; p++) System.arraycopy(x, order[p] * spatialDim, y, p * spatialDim, spatialDim);
        return y;
    }
}
