package io.pitaj.activities.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Free-energy maps of a pair of torsion angles, F = −ln p in k_B T on a grid of bins over the torus, the numbers
 * behind {@link RamachandranPlot}. A map is indexed {@code [φ bin][ψ bin]}; bin 0 starts at −180°.
 */
final class FreeEnergyMap {
    /** 5° bins: fine enough to separate the α and β basins of a dipeptide, coarse enough for 10⁴ samples. */
    static final int BINS = 72;
    private static final double TWO_PI = 2 * Math.PI;

    private FreeEnergyMap() {}

    /** The bin of an angle in radians; angles outside [−π, π) are wrapped, so +π shares the bin of −π. */
    static int bin(double angle) {
        double turns = (angle + Math.PI) / TWO_PI;
        int b = (int) Math.floor((turns - Math.floor(turns)) * BINS);
        return Math.min(b, BINS - 1);  // a fraction a rounding step below 1 would land on BINS
    }

    /**
     * The probability mass in each bin of interleaved {@code (φ, ψ)} pairs in radians. Pairs with a non-finite
     * angle are left out with their probability.
     */
    static double[][] mass(String what, double[] phiPsi, double[] probabilities) {
        int count = Probabilities.pairCount(what, phiPsi, probabilities);
        double[][] mass = new double[BINS][BINS];
        for (int i = 0; i < count; i++) {
            double phi = phiPsi[2 * i];
            double psi = phiPsi[2 * i + 1];
            if (Double.isFinite(phi) && Double.isFinite(psi)) {
                mass[bin(phi)][bin(psi)] += Probabilities.of(probabilities, i, count);
            }
        }
        return mass;
    }

    /**
     * F = −ln p of each map, shifted by one constant so that the lowest bin over all maps is 0: the maps then share
     * one colour scale, and a basin the sampler over-populates shows as lower than the reference's. Empty bins are
     * NaN (infinite free energy, drawn as blank).
     */
    static List<double[][]> shiftedFreeEnergies(List<double[][]> masses) {
        double min = Double.POSITIVE_INFINITY;
        List<double[][]> energies = new ArrayList<>(masses.size());
        for (double[][] mass : masses) {
            double[][] f = new double[BINS][BINS];
            for (int i = 0; i < BINS; i++) {
                for (int j = 0; j < BINS; j++) {
                    f[i][j] = mass[i][j] > 0 ? -Math.log(mass[i][j]) : Double.NaN;
                    if (f[i][j] < min) min = f[i][j];
                }
            }
            energies.add(f);
        }
        for (double[][] f : energies) {
            for (double[] row : f) {
                for (int j = 0; j < BINS; j++) row[j] -= min;
            }
        }
        return energies;
    }

    /** The centre of bin {@code b} in degrees. */
    static double centreDegrees(int b) {
        return -180.0 + (b + 0.5) * 360.0 / BINS;
    }
}
