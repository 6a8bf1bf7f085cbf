package io.pitaj.models.targets;

import java.util.SplittableRandom;

/** Standard normal draws from a {@link SplittableRandom}, which has no nextGaussian on JDK 17. */
public final class StandardNormal {
    private StandardNormal() {}

    /** One N(0, 1) draw by the Box–Muller transform (1 − u keeps the logarithm's argument in (0, 1]). */
    public static double draw(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
