package io.pitaj.models.sampling.mcmc;

/** Temperature ladders for replica exchange, coldest rung first. */
public final class TemperatureLadder {
    private TemperatureLadder() {}

    /**
     * {@code rungs} temperatures from {@code coldest} to {@code hottest} in constant ratio. A geometric ladder gives
     * roughly even swap acceptance when the heat capacity is constant over the range, since the energy overlap of
     * neighbours then depends only on their ratio.
     */
    public static double[] geometric(double coldest, double hottest, int rungs) {
        if (!(coldest > 0) || !(hottest > coldest) || Double.isInfinite(hottest)) {
            throw new IllegalArgumentException("need 0 < coldest < hottest < ∞, got " + coldest + " and " + hottest);
        }
        if (rungs < 2) throw new IllegalArgumentException("a ladder needs at least two rungs, got " + rungs);
        double[] t = new double[rungs];
        for (int k = 0; k < rungs; k++) t[k] = coldest * Math.pow(hottest / coldest, (double) k / (rungs - 1));
        t[rungs - 1] = hottest; // exact end point despite round-off in pow
        return t;
    }
}
