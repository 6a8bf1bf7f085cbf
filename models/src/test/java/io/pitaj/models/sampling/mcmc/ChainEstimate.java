package io.pitaj.models.sampling.mcmc;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Monte-Carlo estimate of ⟨f⟩ from independent chains: the mean of the per-chain averages, with the standard
 * error from their spread. The chains are independent, so this error accounts for autocorrelation within chains
 * without modelling it.
 */
record ChainEstimate(double mean, double standardError) {
    /** f of one configuration stored at {@code x[offset ..]}. */
    @FunctionalInterface
    interface Observable {
        double at(double[] x, int offset);
    }

    static final Observable FIRST_COORDINATE = (x, o) -> x[o];

    static ChainEstimate of(double[] samples, int chains, int kept, int dimension, Observable f) {
        double[] chainMeans = new double[chains];
        for (int c = 0; c < chains; c++) {
            double s = 0;
            for (int k = 0; k < kept; k++) s += f.at(samples, (c * kept + k) * dimension);
            chainMeans[c] = s / kept;
        }
        double mean = 0;
        for (double m : chainMeans) mean += m / chains;
        double var = 0;
        for (double m : chainMeans) var += (m - mean) * (m - mean) / (chains - 1);
        return new ChainEstimate(mean, Math.sqrt(var / chains));
    }

    static ChainEstimate of(McmcResult r, Observable f) { return of(r.samples(), r.chains(), r.kept(), r.dimension(), f); }

    static ChainEstimate of(MdResult r, Observable f) { return of(r.frames(), r.chains(), r.kept(), r.dimension(), f); }

    /** Mean of x_j over all coordinates of a configuration of dimension d. */
    static Observable coordinateMean(int d) {
        return (x, o) -> {
            double s = 0;
            for (int j = 0; j < d; j++) s += x[o + j];
            return s / d;
        };
    }

    /** Mean of x_j² over all coordinates of a configuration of dimension d. */
    static Observable coordinateSquare(int d) {
        return (x, o) -> {
            double s = 0;
            for (int j = 0; j < d; j++) s += x[o + j] * x[o + j];
            return s / d;
        };
    }

    /**
     * Asserts the estimate lies within 4 standard errors of {@code exact} and is precise enough to mean something:
     * a standard error above {@code maxStandardError} would let almost any sampler pass.
     */
    void assertMatches(double exact, double maxStandardError, String what) {
        assertTrue(standardError > 0 && standardError <= maxStandardError,
                what + ": standard error " + standardError + " not in (0, " + maxStandardError + "]");
        assertTrue(Math.abs(mean - exact) <= 4 * standardError,
                what + ": estimate " + mean + " ± " + standardError + ", exact " + exact);
    }
}
