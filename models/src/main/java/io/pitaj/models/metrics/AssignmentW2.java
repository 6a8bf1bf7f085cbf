package io.pitaj.models.metrics;

import io.pitaj.models.sampling.Resampler;
import java.util.SplittableRandom;

/**
 * W2 between two point clouds by exact optimal transport: both sets are brought to the same size m (uniform
 * subsampling without replacement; weighted sets are first resampled systematically by their weights, so that every
 * point carries mass 1/m), then the optimal assignment under a squared cost gives W2 = √(mean assigned cost). m is
 * the smaller set's size, at most {@code limit} ({@link Assignment#MAX_SIZE}); the subsample is drawn from
 * {@code seed}, so a metric is reproducible. PITA's x-W2 uses the squared Euclidean cost on flattened coordinates
 * without alignment; its torus W2 the wrapped angular distance (benchmarks.md §3).
 */
public final class AssignmentW2 {
    /** A ground cost between point i of {@code a} and point j of {@code b}, {@code dim} values each. */
    @FunctionalInterface
    public interface SquaredCost {
        double between(double[] a, int i, double[] b, int j, int dim);
    }

    /** ‖a_i − b_j‖². */
    public static final SquaredCost EUCLIDEAN = (a, i, b, j, dim) -> {
        double s = 0;
        for (int k = 0; k < dim; k++) {
            double d = a[i * dim + k] - b[j * dim + k];
            s += d * d;
        }
        return s;
    };

    /** ‖a_i − b_j‖, the ground cost of W1. */
    public static final SquaredCost EUCLIDEAN_DISTANCE = (a, i, b, j, dim) -> Math.sqrt(EUCLIDEAN.between(a, i, b, j, dim));

    /** Σ_k min(|Δ_k|, 2π − |Δ_k|)² over angles in radians (any branch: differences are reduced mod 2π first). */
    public static final SquaredCost TORUS = (a, i, b, j, dim) -> {
        double s = 0;
        for (int k = 0; k < dim; k++) {
            double d = Math.abs(Math.IEEEremainder(a[i * dim + k] - b[j * dim + k], 2 * Math.PI));
            s += d * d;
        }
        return s;
    };

    private AssignmentW2() {}

    /**
     * @param wa weights of {@code a}'s points (need not be normalised), or null for equal weights; likewise {@code wb}
     */
    public static double distance(double[] a, double[] wa, double[] b, double[] wb, int dim, SquaredCost cost, int limit, long seed) {
        return Math.sqrt(meanCost(a, wa, b, wb, dim, cost, limit, seed));
    }

    /** W1 with the Euclidean ground cost, on the same subsamples as {@link #distance}. */
    public static double w1(double[] a, double[] wa, double[] b, double[] wb, int dim, int limit, long seed) {
        return meanCost(a, wa, b, wb, dim, EUCLIDEAN_DISTANCE, limit, seed);
    }

    /** The optimal assignment's mean cost between the two size-m subsamples. */
    public static double meanCost(double[] a, double[] wa, double[] b, double[] wb, int dim, SquaredCost cost, int limit, long seed) {
        if (dim < 1 || a.length % dim != 0 || b.length % dim != 0) throw new IllegalArgumentException("point sets must hold whole points of " + dim);
        int na = a.length / dim, nb = b.length / dim;
        if (na == 0 || nb == 0) throw new IllegalArgumentException("W2 of an empty set");
        int m = Math.min(Math.min(na, nb), Math.min(limit, Assignment.MAX_SIZE));
        SplittableRandom rng = new SplittableRandom(seed);
        int[] pa = pick(na, wa, m, rng), pb = pick(nb, wb, m, rng);
        double[][] c = new double[m][m];
        for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) c[i][j] = cost.between(a, pa[i], b, pb[j], dim);
        int[] match = Assignment.solve(c);
        double total = 0;
        for (int i = 0; i < m; i++) total += c[i][match[i]];
        return total / m;
    }

    /** m point indices of an n-point set: systematic resampling by weight when weighted, then m distinct draws. */
    private static int[] pick(int n, double[] w, int m, SplittableRandom rng) {
        int[] pool = new int[n];
        if (w == null) {
            for (int i = 0; i < n; i++) pool[i] = i;
        } else {
            if (w.length != n) throw new IllegalArgumentException(w.length + " weights for " + n + " points");
            double[] logW = new double[n];
            for (int i = 0; i < n; i++) {
                if (!(w[i] >= 0) || Double.isInfinite(w[i])) throw new IllegalArgumentException("weights must be finite and non-negative");
                logW[i] = Math.log(w[i]);
            }
            pool = Resampler.SYSTEMATIC.ancestors(logW, rng);
        }
        if (m == n && w == null) return pool;
        for (int i = 0; i < m; i++) { // partial Fisher–Yates
            int j = i + rng.nextInt(n - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        return java.util.Arrays.copyOf(pool, m);
    }
}
