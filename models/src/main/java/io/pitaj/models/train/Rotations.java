package io.pitaj.models.train;

import io.pitaj.models.targets.ParticleLayout;
import java.util.SplittableRandom;

/** Haar-random rotations of particle configurations (the training augmentation of pita-algorithm.md §1.4). */
final class Rotations {
    private Rotations() {}

    /**
     * A uniformly random rotation of SO(s) as a row-major s × s matrix in {@code out}: in 3-D from a unit quaternion
     * with Gaussian components (uniform on S³, hence Haar on SO(3)); in 2-D from a uniform angle; in 1-D the identity.
     */
    static void haar(int s, SplittableRandom rng, double[] out) {
        switch (s) {
            case 1 -> out[0] = 1;
            case 2 -> {
                double a = 2 * Math.PI * rng.nextDouble(), c = Math.cos(a), sn = Math.sin(a);
                out[0] = c;
                out[1] = -sn;
                out[2] = sn;
                out[3] = c;
            }
            case 3 -> {
                double w, x, y, z, n;
                do {
                    w = rng.nextGaussian();
                    x = rng.nextGaussian();
                    y = rng.nextGaussian();
                    z = rng.nextGaussian();
                    n = Math.sqrt(w * w + x * x + y * y + z * z);
                } while (n < 1e-12);
                w /= n;
                x /= n;
                y /= n;
                z /= n;
                out[0] = 1 - 2 * (y * y + z * z);
                out[1] = 2 * (x * y - w * z);
                out[2] = 2 * (x * z + w * y);
                out[3] = 2 * (x * y + w * z);
                out[4] = 1 - 2 * (x * x + z * z);
                out[5] = 2 * (y * z - w * x);
                out[6] = 2 * (x * z - w * y);
                out[7] = 2 * (y * z + w * x);
                out[8] = 1 - 2 * (x * x + y * y);
            }
            default -> throw new IllegalArgumentException("no rotations for " + s + "-D particles");
        }
    }

    /** Rotates each particle of the sample at {@code offset} in place: p ← R·p; {@code p} is scratch of spatialDim values. */
    static void apply(double[] r, ParticleLayout layout, double[] v, int offset, double[] p) {
        int s = layout.spatialDim();
        for (int i = 0; i < layout.particles(); i++) {
            int o = offset + i * s;
            for (int a = 0; a < s; a++) {
                double sum = 0;
                for (int b = 0; b < s; b++) sum += r[a * s + b] * v[o + b];
                p[a] = sum;
            }
            System.arraycopy(p, 0, v, o, s);
        }
    }
}
