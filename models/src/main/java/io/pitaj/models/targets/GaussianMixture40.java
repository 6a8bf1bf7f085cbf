package io.pitaj.models.targets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The 40-mode 2-D Gaussian mixture of FAB / DEM (benchmarks.md §2.1): equal weights, means uniform in [−40, 40]²
 * drawn once by PyTorch with seed 0 (shipped as the classpath table {@code gmm40_means.csv}, a copy of
 * {@code shared/data/gmm40/means.csv}), isotropic per-dimension standard deviation softplus(1) = ln(1 + e).
 *
 * <p>E(x) = −log p(x) with p the <em>normalised</em> mixture density, so at T = 1 {@link #logDensityAndGrad} returns
 * the normalised log density. FAB masks log p below −1e4 to −∞; that is not reproduced, because it only happens
 * ~185 standard deviations from every mode and would turn finite energies and gradients into infinities.
 */
public final class GaussianMixture40 extends Target {
    public static final int COMPONENTS = 40;
    /** softplus(1) = ln(1 + e). */
    public static final double STD = Math.log1p(Math.E);

    private static final String MEANS_RESOURCE = "gmm40_means.csv";
    private static final double INV_VAR = 1.0 / (STD * STD);
    /** log of weight × Gaussian normalisation: −log 40 − log(2π σ²) in two dimensions. */
    private static final double LOG_COMPONENT_NORM = -Math.log(COMPONENTS) - Math.log(2 * Math.PI * STD * STD);

    /** Means as x0, y0, x1, y1, …; shared read-only by all evaluators. */
    private final double[] means;

    public GaussianMixture40() {
        super("gmm40", new ParticleLayout(1, 2), false, EnergyUnit.REDUCED);
        this.means = loadMeans();
    }

    /** Component mean k as a fresh {x, y}. */
    public double[] mean(int k) {
        return new double[] {means[2 * k], means[2 * k + 1]};
    }

    /** Writes one exact draw from the mixture to {@code out[offset], out[offset + 1]}. */
    public void drawSample(SplittableRandom rng, double[] out, int offset) {
        int k = rng.nextInt(COMPONENTS);
        out[offset] = means[2 * k] + STD * StandardNormal.draw(rng);
        out[offset + 1] = means[2 * k + 1] + STD * StandardNormal.draw(rng);
    }

    @Override
    protected int minSamplesPerThread() {
        return 8 * COMPONENTS; // 40 exponentials a sample: a few hundred samples make a chunk worth a thread
    }

    @Override
    protected EnergyEvaluator newEvaluator() {
        double[] logTerms = new double[COMPONENTS];
        return (x, xo, grad, go) -> {
            double px = x[xo], py = x[xo + 1];
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < COMPONENTS; k++) {
                double dx = px - means[2 * k], dy = py - means[2 * k + 1];
                logTerms[k] = LOG_COMPONENT_NORM - 0.5 * INV_VAR * (dx * dx + dy * dy);
                max = Math.max(max, logTerms[k]);
            }
            // log-sum-exp shifted by the largest term so that far-away points do not underflow to log 0
            double sum = 0, gx = 0, gy = 0;
            for (int k = 0; k < COMPONENTS; k++) {
                double w = Math.exp(logTerms[k] - max);
                sum += w;
                gx += w * (px - means[2 * k]);
                gy += w * (py - means[2 * k + 1]);
            }
            if (grad != null) {
                // ∇E = Σ_k r_k (x − μ_k)/σ² with responsibilities r_k = w_k / Σ w
                grad[go] = gx * INV_VAR / sum;
                grad[go + 1] = gy * INV_VAR / sum;
            }
            return -(max + Math.log(sum));
        };
    }

    private static double[] loadMeans() {
        try (InputStream in = GaussianMixture40.class.getResourceAsStream(MEANS_RESOURCE)) {
            if (in == null) throw new IllegalStateException("classpath resource " + MEANS_RESOURCE + " is missing");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            double[] m = new double[2 * COMPONENTS];
            String header = reader.readLine();
            if (!"x,y".equals(header)) throw new IllegalStateException(MEANS_RESOURCE + ": expected header x,y");
            for (int k = 0; k < COMPONENTS; k++) {
                String line = reader.readLine();
                if (line == null) throw new IllegalStateException(MEANS_RESOURCE + ": only " + k + " of " + COMPONENTS + " rows");
                String[] f = line.split(",");
                m[2 * k] = Double.parseDouble(f[0]);
                m[2 * k + 1] = Double.parseDouble(f[1]);
            }
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MEANS_RESOURCE, e);
        }
    }
}
