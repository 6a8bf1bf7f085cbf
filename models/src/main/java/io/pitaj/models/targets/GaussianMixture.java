package io.pitaj.models.targets;

import java.util.SplittableRandom;

/**
 * A Gaussian mixture p(x) = Σ_k w_k·N(x; μ_k, Σ_k) of any dimension d and full covariances, from a validated
 * {@link MixtureSpec}: E(x) = −log p(x) with p <em>normalised</em> (the weights divided by their sum), so at T = 1
 * {@link #logDensityAndGrad} is the normalised log density. One particle of d coordinates, not mean-free.
 *
 * <p>Every evaluation goes through each component's eigendecomposition Σ_k = V_k·diag(λ_k)·V_kᵀ: with
 * z_ki = v_kiᵀ(x − μ_k), the quadratic form under Σ_k + h·I is Σ_i z_ki²/(λ_ki + h) and the log determinant
 * Σ_i log(λ_ki + h). So one code path gives the target (h = 0), the VE-noised density p_h = p ∗ N(0, h·I) of the
 * exact model ({@link #noisedLogDensity}), and exact draws (μ_k + V_k·diag(√λ_k)·ξ). Components are combined by
 * log-sum-exp shifted by the largest term, so points far from every mode do not underflow to log 0.
 */
public final class GaussianMixture extends Target {
    /** The built-in toy of the quick preset, as a classpath resource next to this class. */
    public static final String MOG4_RESOURCE = "mog4.json";
    /** Grid cells per axis of {@link #modeMasses}. */
    public static final int MASS_GRID = 2048;
    /** Half-width of {@link #modeMasses}'s box beyond the outermost means, in tempered standard deviations. */
    public static final double MASS_GRID_SIGMAS = 8;

    private final MixtureSpec spec;
    private final int k;
    private final int d;
    /** log(w_k / Σw). */
    private final double[] logWeights;
    /** Cumulative normalised weights, for drawing a component. */
    private final double[] cumulative;
    /** μ_k, flat [k][j]; eigenvalues λ_ki, flat [k][i]; eigenvectors v_ki, flat [k][i][j]: the evaluators' hot data. */
    private final double[] means;
    private final double[] lambdas;
    private final double[] vectors;

    public GaussianMixture(String name, MixtureSpec spec) {
        super(name, new ParticleLayout(1, spec.dimension()), false, EnergyUnit.REDUCED);
        this.spec = spec;
        this.k = spec.components();
        this.d = spec.dimension();
        double[] w = spec.weights();
        double sum = 0;
        for (double v : w) sum += v;
        logWeights = new double[k];
        cumulative = new double[k];
        double acc = 0;
        for (int c = 0; c < k; c++) {
            logWeights[c] = Math.log(w[c] / sum);
            acc += w[c] / sum;
            cumulative[c] = acc;
        }
        cumulative[k - 1] = 1; // rounding must not leave a gap above the last component
        means = new double[k * d];
        lambdas = new double[k * d];
        vectors = new double[k * d * d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(spec.mean(c), 0, means, c * d, d);
            SymmetricEigen e = spec.eigen(c);
            System.arraycopy(e.values(), 0, lambdas, c * d, d);
            double[][] v = e.vectors();
            for (int i = 0; i < d; i++) System.arraycopy(v[i], 0, vectors, (c * d + i) * d, d);
        }
    }

    /** The four-mode 2-D toy of the quick preset (see docs/mixtures.md). */
    public static GaussianMixture mog4() { return new GaussianMixture("mog4", MixtureSpec.resource(MOG4_RESOURCE)); }

    public MixtureSpec spec() { return spec; }

    public int components() { return k; }

    /** Normalised weights w_k / Σw. */
    public double[] weights() {
        double[] w = new double[k];
        for (int c = 0; c < k; c++) w[c] = Math.exp(logWeights[c]);
        return w;
    }

    public double[] mean(int component) { return spec.mean(component); }

    public double[][] covariance(int component) { return spec.covariance(component); }

    /** Σ_k = V·diag(λ)·Vᵀ, the form every evaluation uses. */
    public SymmetricEigen eigen(int component) { return spec.eigen(component); }

    /**
     * The mixture's model coordinates: centred on its mean μ̄ = Σ w_k μ_k and divided by its root-mean-square spread
     * per coordinate, √(tr Cov/d) with Cov = Σ w_k (Σ_k + μ_k μ_kᵀ) − μ̄ μ̄ᵀ (2.56 for mog4), a property of the system
     * rather than of any sample set, so every rung of a ladder uses the same coordinates.
     */
    public Standardisation standardisation() {
        double[] w = weights(), centre = new double[d];
        double second = 0;
        for (int c = 0; c < k; c++) {
            double[] mu = spec.mean(c);
            double[][] cov = spec.covariance(c);
            for (int j = 0; j < d; j++) {
                centre[j] += w[c] * mu[j];
                second += w[c] * (cov[j][j] + mu[j] * mu[j]);
            }
        }
        for (int j = 0; j < d; j++) second -= centre[j] * centre[j];
        return new Standardisation(centre, Math.sqrt(second / d));
    }

    @Override
    public CoordinateMap modelCoordinates() { return standardisation(); }

    /**
     * The same density written in its model coordinates, (x − c)/s: means moved and scaled, covariances divided by s².
     * It is what the closed-form model computes, so that it is interchangeable with networks trained on
     * standardised data.
     */
    public GaussianMixture inModelCoordinates() {
        Standardisation st = standardisation();
        double s = st.scale();
        double[] c = st.centre();
        double[][] means = new double[k][d];
        double[][][] covariances = new double[k][d][d];
        for (int m = 0; m < k; m++) {
            double[] mu = spec.mean(m);
            double[][] cov = spec.covariance(m);
            for (int i = 0; i < d; i++) {
                means[m][i] = (mu[i] - c[i]) / s;
                for (int j = 0; j < d; j++) covariances[m][i][j] = cov[i][j] / (s * s);
            }
        }
        return new GaussianMixture(name() + " (model coordinates)", MixtureSpec.of(spec.source() + " standardised", weights(), means, covariances));
    }

    /** Writes one exact draw from p to {@code out[offset .. offset + d)}: a component by weight, then μ + V·diag(√λ)·ξ. */
    public void drawSample(SplittableRandom rng, double[] out, int offset) { draw(rng, out, offset, 1); }

    /** One draw from Σ w_k N(μ_k, s·Σ_k): a component by weight, then μ + V·diag(√(sλ))·ξ. */
    private void draw(SplittableRandom rng, double[] out, int offset, double varianceScale) {
        double u = rng.nextDouble();
        int c = 0;
        while (cumulative[c] <= u && c < k - 1) c++;
        System.arraycopy(means, c * d, out, offset, d);
        for (int i = 0; i < d; i++) {
            double a = Math.sqrt(varianceScale * lambdas[c * d + i]) * StandardNormal.draw(rng);
            for (int j = 0; j < d; j++) out[offset + j] += a * vectors[(c * d + i) * d + j];
        }
    }

    /**
     * log p_h(x) for the mixture convolved with N(0, h·I), i.e. Σ_k w_k N(μ_k, Σ_k + h·I), normalised; if
     * {@code scoreOut} is not null it receives ∇ log p_h(x). The host-side reference of the exact model; h = 0 is
     * −E(x). Allocates its scratch, so it is for checks, not loops.
     */
    public double noisedLogDensity(double[] x, double h, double[] scoreOut) {
        if (x.length != d) throw new IllegalArgumentException("need " + d + " coordinates, got " + x.length);
        if (scoreOut != null && scoreOut.length != d) throw new IllegalArgumentException("the score buffer needs " + d + " values");
        return new Evaluation(h).logDensity(x, 0, scoreOut, 0);
    }

    /** The component whose mean is nearest (Euclidean) to the point at {@code x[offset ..]}: its Voronoi cell. */
    public int nearestMean(double[] x, int offset) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double dist = 0;
            for (int a = 0; a < d; a++) {
                double v = x[offset + a] - means[c * d + a];
                dist += v * v;
            }
            if (dist < bestDistance) {
                bestDistance = dist;
                best = c;
            }
        }
        return best;
    }

    /**
     * Voronoi-cell masses of a weighted sample in any dimension: the sample-side counterpart of
     * {@link #modeMasses(double)}. {@code probabilities} are the normalised weights, one per row of {@code x}.
     */
    public double[] modeMasses(double[] x, double[] probabilities) {
        if (x.length != (long) probabilities.length * d) throw new IllegalArgumentException("need " + d + " coordinates per weight");
        double[] mass = new double[k];
        for (int i = 0; i < probabilities.length; i++) mass[nearestMean(x, i * d)] += probabilities[i];
        return mass;
    }

    /**
     * Masses of the Voronoi cells of the means (nearest mean in Euclidean distance) under p^γ/Z — the share of each
     * mode at temperature 1/γ relative to the mixture's own. Midpoint quadrature on a {@value #MASS_GRID}² grid over
     * the box reaching {@value #MASS_GRID_SIGMAS} tempered standard deviations √(λ_max/γ) beyond the outermost means
     * on each axis (λ_max the largest covariance eigenvalue), so the mass outside the box is below e^(−32); cells on
     * a boundary between modes split their mass evenly. Accuracy about 1e-4 per mass (for mog4, halving the grid
     * moves no mass by more than 2e-4). Only for d = 2.
     */
    public double[] modeMasses(double gamma) {
        if (d != 2) throw new UnsupportedOperationException("mode masses by quadrature need a 2-D mixture, " + name() + " is " + d + "-D");
        if (!(gamma > 0) || Double.isInfinite(gamma)) throw new IllegalArgumentException("γ must be positive and finite, got " + gamma);
        double lambdaMax = 0, shift = Double.NEGATIVE_INFINITY;
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        Evaluation at = new Evaluation(0);
        for (int c = 0; c < k; c++) {
            lambdaMax = Math.max(lambdaMax, lambdas[c * d + d - 1]); // eigenvalues ascend
            for (int a = 0; a < 2; a++) {
                lo[a] = Math.min(lo[a], means[c * d + a]);
                hi[a] = Math.max(hi[a], means[c * d + a]);
            }
            // log p ≤ log Σ_c w_c N_c(μ_c) ≤ this shift + log K, so exp(γ(log p − shift)) cannot overflow
            shift = Math.max(shift, logWeights[c] + at.logNorm[c]);
        }
        double reach = MASS_GRID_SIGMAS * Math.sqrt(lambdaMax / gamma);
        double[] step = new double[2];
        for (int a = 0; a < 2; a++) {
            lo[a] -= reach;
            step[a] = (hi[a] + reach - lo[a]) / MASS_GRID;
        }
        double[] mass = new double[k], x = new double[2], dist = new double[k];
        for (int i = 0; i < MASS_GRID; i++) {
            x[0] = lo[0] + (i + 0.5) * step[0];
            for (int j = 0; j < MASS_GRID; j++) {
                x[1] = lo[1] + (j + 0.5) * step[1];
                double p = Math.exp(gamma * (at.logDensity(x, 0, null, 0) - shift));
                double nearest = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double dx = x[0] - means[2 * c], dy = x[1] - means[2 * c + 1];
                    dist[c] = dx * dx + dy * dy;
                    nearest = Math.min(nearest, dist[c]);
                }
                int ties = 0;
                for (int c = 0; c < k; c++) if (dist[c] <= nearest * (1 + 1e-12)) ties++;
                for (int c = 0; c < k; c++) if (dist[c] <= nearest * (1 + 1e-12)) mass[c] += p / ties;
            }
        }
        double total = 0;
        for (double m : mass) total += m;
        for (int c = 0; c < k; c++) mass[c] /= total;
        return mass;
    }

    /**
     * Voronoi-cell masses under p^γ/Z in any dimension, by self-normalised importance sampling: {@code draws} exact
     * draws from the proposal q_γ = Σ_k w_k·N(μ_k, Σ_k/γ) — each component tempered on its own — weighted by
     * p(x)^γ / q_γ(x). At γ = 1 the proposal is p itself, every weight is equal and this is plain exact sampling; for
     * γ ≠ 1 the weights correct for the overlap of the tails that tempering the sum (not the parts) changes. The
     * Monte-Carlo error is about √(m(1 − m)/ESS) per mass; {@code ess[0]}, if given, receives the weights' Kish ESS.
     */
    public double[] modeMasses(double gamma, int draws, long seed, double[] ess) {
        if (!(gamma > 0) || Double.isInfinite(gamma)) throw new IllegalArgumentException("γ must be positive and finite, got " + gamma);
        if (draws < 1) throw new IllegalArgumentException("need at least one draw, got " + draws);
        SplittableRandom rng = new SplittableRandom(seed);
        Evaluation target = new Evaluation(0), proposal = new Evaluation(0, 1 / gamma);
        double[] x = new double[d], logW = new double[draws];
        int[] cell = new int[draws];
        double max = Double.NEGATIVE_INFINITY;
        for (int n = 0; n < draws; n++) {
            draw(rng, x, 0, 1 / gamma);
            logW[n] = gamma * target.logDensity(x, 0, null, 0) - proposal.logDensity(x, 0, null, 0);
            max = Math.max(max, logW[n]);
            cell[n] = nearestMean(x, 0);
        }
        double[] mass = new double[k];
        double total = 0, squares = 0;
        for (int n = 0; n < draws; n++) {
            double w = Math.exp(logW[n] - max);
            mass[cell[n]] += w;
            total += w;
            squares += w * w;
        }
        for (int c = 0; c < k; c++) mass[c] /= total;
        if (ess != null && ess.length > 0) ess[0] = total * total / squares;
        return mass;
    }

    @Override
    protected int minSamplesPerThread() {
        // GMM-40's 320 samples a chunk, in units of one component's cost (d² multiply-adds plus an exponential)
        return Math.max(4, 180_000 / (k * (d * d + 10)));
    }

    @Override
    protected EnergyEvaluator newEvaluator() {
        Evaluation e = new Evaluation(0);
        return (x, xo, grad, go) -> {
            double logP = e.logDensity(x, xo, grad, go);
            if (grad != null) for (int j = 0; j < d; j++) grad[go + j] = -grad[go + j];
            return -logP;
        };
    }

    /**
     * log p_h and its score at one fixed h, with its own scratch; not thread-safe. With a variance scale s ≠ 1 it is
     * the mixture of the components N(μ_k, s·Σ_k + h·I) instead (the tempered proposal of {@link #modeMasses(double, int, long, double[])}).
     */
    private final class Evaluation {
        /** 1/(s·λ_ki + h), flat [k][i]. */
        private final double[] inverseVariance = new double[k * d];
        /** −½·Σ_i log(2π(λ_ki + h)): the log normalisation of component k. */
        final double[] logNorm = new double[k];
        private final double[] logTerms = new double[k];
        /** z_ki/(λ_ki + h): the component's whitened offset, reused by the score. */
        private final double[] scaled = new double[k * d];

        Evaluation(double h) { this(h, 1); }

        Evaluation(double h, double varianceScale) {
            if (!(h >= 0) || Double.isInfinite(h)) throw new IllegalArgumentException("variance h must be ≥ 0 and finite, got " + h);
            for (int c = 0; c < k; c++) {
                for (int i = 0; i < d; i++) {
                    double variance = varianceScale * lambdas[c * d + i] + h;
                    inverseVariance[c * d + i] = 1 / variance;
                    logNorm[c] -= 0.5 * Math.log(2 * Math.PI * variance);
                }
            }
        }

        /** log p_h(x[xo ..]); if {@code score} is not null, ∇ log p_h goes to score[so ..]. */
        double logDensity(double[] x, int xo, double[] score, int so) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double q = 0;
                for (int i = 0; i < d; i++) {
                    int v = (c * d + i) * d;
                    double z = 0;
                    for (int j = 0; j < d; j++) z += vectors[v + j] * (x[xo + j] - means[c * d + j]);
                    double s = z * inverseVariance[c * d + i];
                    scaled[c * d + i] = s;
                    q += z * s;
                }
                logTerms[c] = logWeights[c] + logNorm[c] - 0.5 * q;
                max = Math.max(max, logTerms[c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                logTerms[c] = Math.exp(logTerms[c] - max);
                sum += logTerms[c];
            }
            if (score != null) {
                // ∇ log p_h = −Σ_k r_k (Σ_k + hI)⁻¹(x − μ_k) = −Σ_k r_k Σ_i v_ki z_ki/(λ_ki + h), r_k the responsibilities
                for (int j = 0; j < d; j++) score[so + j] = 0;
                for (int c = 0; c < k; c++) {
                    double r = logTerms[c] / sum;
                    for (int i = 0; i < d; i++) {
                        double a = r * scaled[c * d + i];
                        int v = (c * d + i) * d;
                        for (int j = 0; j < d; j++) score[so + j] -= a * vectors[v + j];
                    }
                }
            }
            return max + Math.log(sum);
        }
    }
}
