package io.pitaj.models.targets;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * DW-4 (benchmarks.md §2.2): four particles in 2-D with the pair potential a(d − d0)⁴ + b(d − d0)² + c summed over
 * unique pairs, a = 0.9, b = −4, c = 0, d0 = 4 (the DEM/iDEM/AS constants); target ∝ exp(−E) at T = 1.
 */
public final class DoubleWell extends Target {
    public static final int PARTICLES = 4;
    public static final double A = 0.9;
    public static final double B = -4;
    public static final double C = 0;
    public static final double D0 = 4;

    /** Standard deviation of the per-coordinate jitter in {@link #jitteredRing}. */
    private static final double RING_JITTER = 0.1;

    public DoubleWell() {
        super("dw4", new ParticleLayout(PARTICLES, 2), true, EnergyUnit.REDUCED);
    }

    /**
     * Writes a typical low-energy configuration: the particles on a centred ring whose neighbours sit at the well
     * minimum distance d0, rotated by a random angle, each coordinate jittered by N(0, 0.1²), then re-centred.
     */
    public void jitteredRing(SplittableRandom rng, double[] out, int offset) {
        double radius = D0 / (2 * Math.sin(Math.PI / PARTICLES));
        double phase = 2 * Math.PI * rng.nextDouble();
        for (int i = 0; i < PARTICLES; i++) {
            double angle = phase + 2 * Math.PI * i / PARTICLES;
            out[offset + 2 * i] = radius * Math.cos(angle) + RING_JITTER * StandardNormal.draw(rng);
            out[offset + 2 * i + 1] = radius * Math.sin(angle) + RING_JITTER * StandardNormal.draw(rng);
        }
        Centring.removeMean(out, offset, PARTICLES, 2);
    }

    @Override
    protected EnergyEvaluator newEvaluator() {
        return (x, xo, grad, go) -> {
            if (grad != null) Arrays.fill(grad, go, go + 2 * PARTICLES, 0.0);
            double e = 0;
            for (int i = 0; i < PARTICLES; i++) {
                for (int j = i + 1; j < PARTICLES; j++) {
                    double dx = x[xo + 2 * i] - x[xo + 2 * j];
                    double dy = x[xo + 2 * i + 1] - x[xo + 2 * j + 1];
                    double d = Math.sqrt(dx * dx + dy * dy);
                    double s = d - D0, s2 = s * s;
                    e += A * s2 * s2 + B * s2 + C;
                    // at d = 0 the pair direction is undefined; the zero subgradient keeps gradients finite
                    if (grad != null && d > 0) {
                        double f = (4 * A * s2 * s + 2 * B * s) / d;
                        grad[go + 2 * i] += f * dx;
                        grad[go + 2 * i + 1] += f * dy;
                        grad[go + 2 * j] -= f * dx;
                        grad[go + 2 * j + 1] -= f * dy;
                    }
                }
            }
            return e;
        };
    }
}
