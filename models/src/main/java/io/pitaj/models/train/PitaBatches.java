package io.pitaj.models.train;

import io.pitaj.models.nets.BackboneConfig;
import io.pitaj.models.nn.Dropout;
import io.pitaj.models.onnx.ElementType;
import io.pitaj.models.onnx.HostTensor;
import io.pitaj.models.targets.ParticleLayout;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws the data of one PITA training step (pita-algorithm.md §1.4) in double precision and hands it to the step
 * graph in its float type: B samples uniformly with replacement from a rung's buffer; for mean-free (particle)
 * systems one Haar-random rotation per sample applied to x0 and its force, then x0 centred; ln σ ~ N(−1.2, 1.2²)
 * untruncated; ε ~ N(0, I), centred for mean-free systems; the force clipped to norm 1000 (per particle for
 * particle systems, as the reference's clipper does for molecules); β of the rung; dropout rows and the step key.
 *
 * <p>Everything is drawn from the generator handed in, so a step's data are a function of that generator alone.
 */
public final class PitaBatches {
    /** EDM's log-normal noise levels. */
    public static final double LOG_SIGMA_MEAN = -1.2, LOG_SIGMA_STD = 1.2;
    /** The reference's norm clip of stored forces (target score term). */
    public static final double FORCE_CLIP = 1000;

    private final BackboneConfig arch;
    private final int batch;
    private final boolean withForce, withEnergy;
    private final ElementType type;
    private final long dropoutSeed;

    /**
     * @param weights      the loss's weights: the force is an input only with a target-score term, the reduced
     *                     energy only with a pinning term
     * @param type         the step graph's float type
     * @param dropoutSeed  seed of the in-graph dropout masks (used when the backbone has dropout)
     */
    public PitaBatches(BackboneConfig arch, int batch, LossWeights weights, ElementType type, long dropoutSeed) {
        if (batch < 1) throw new IllegalArgumentException("batch size must be positive, got " + batch);
        if (arch.dropout() > 0 && batch > Dropout.MAX_ROWS) {
            throw new IllegalArgumentException("dropout supports batches up to " + Dropout.MAX_ROWS + ", got " + batch);
        }
        this.arch = arch;
        this.batch = batch;
        this.withForce = weights.targetScore() > 0;
        this.withEnergy = weights.energyMatching() > 0;
        this.type = type;
        this.dropoutSeed = dropoutSeed;
    }

    public int batchSize() { return batch; }

    /** The inputs of update {@code step} (1-based) from {@code samples}, drawn with {@code rng}. */
    public Map<String, HostTensor> draw(TrainingSamples samples, long step, SplittableRandom rng) {
        ParticleLayout layout = samples.layout();
        int d = layout.dimension();
        if (arch.sampleSize() != d) throw new IllegalArgumentException("samples of dimension " + d + " for a network of " + arch.sampleSize());
        double[] x0 = new double[batch * d], force = new double[batch * d], noise = new double[batch * d];
        double[] logSigma = new double[batch], reducedEnergy = new double[batch], beta = new double[batch];
        double[] rotation = new double[9], scratch = new double[layout.spatialDim()];
        for (int b = 0; b < batch; b++) {
            int i = rng.nextInt(samples.count());
            int o = b * d;
            System.arraycopy(samples.x(), i * d, x0, o, d);
            System.arraycopy(samples.force(), i * d, force, o, d);
            if (samples.meanFree()) {
                Rotations.haar(layout.spatialDim(), rng, rotation);
                Rotations.apply(rotation, layout, x0, o, scratch);
                Rotations.apply(rotation, layout, force, o, scratch);
                centre(layout, x0, o);
            }
            clipForce(layout, samples.meanFree(), force, o);
            logSigma[b] = LOG_SIGMA_MEAN + LOG_SIGMA_STD * rng.nextGaussian();
            for (int k = 0; k < d; k++) noise[o + k] = rng.nextGaussian();
            if (samples.meanFree()) centre(layout, noise, o);
            reducedEnergy[b] = -samples.logDensity()[i];
            beta[b] = samples.beta();
        }
        Map<String, HostTensor> in = new HashMap<>();
        long[] sampleShape = shape(arch.sampleShape());
        in.put(PitaLoss.X0, floats(x0, sampleShape));
        in.put(PitaLoss.NOISE, floats(noise, sampleShape));
        in.put(PitaLoss.LOG_SIGMA, floats(logSigma, batch));
        if (withEnergy) in.put(PitaLoss.REDUCED_ENERGY, floats(reducedEnergy, batch));
        if (withForce) in.put(PitaLoss.FORCE, floats(force, sampleShape));
        if (arch.betaConditioned()) in.put(PitaLoss.BETA, floats(beta, batch));
        if (arch.dropout() > 0) {
            in.put(PitaLoss.DROPOUT_ROWS, HostTensor.ofLongs(Dropout.rowBases(batch), batch));
            in.put(PitaLoss.DROPOUT_KEY, HostTensor.ofLongs(new long[] {Dropout.stepKey(dropoutSeed, step)}));
        }
        return in;
    }

    private long[] shape(int[] sample) {
        long[] s = new long[sample.length + 1];
        s[0] = batch;
        for (int i = 0; i < sample.length; i++) s[i + 1] = sample[i];
        return s;
    }

    private HostTensor floats(double[] v, long... shape) {
        if (type == ElementType.FLOAT64) return HostTensor.ofDoubles(v, shape);
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return HostTensor.ofFloats(f, shape);
    }

    /** Subtracts the mean over particles of each spatial coordinate. */
    static void centre(ParticleLayout layout, double[] x, int offset) {
        int n = layout.particles(), s = layout.spatialDim();
        for (int c = 0; c < s; c++) {
            double mean = 0;
            for (int p = 0; p < n; p++) mean += x[offset + p * s + c];
            mean /= n;
            for (int p = 0; p < n; p++) x[offset + p * s + c] -= mean;
        }
    }

    /** Scales each particle's force (or the whole vector for non-particle densities) to norm ≤ 1000. */
    static void clipForce(ParticleLayout layout, boolean perParticle, double[] f, int offset) {
        int block = perParticle ? layout.spatialDim() : layout.dimension();
        for (int start = offset; start < offset + layout.dimension(); start += block) {
            double sq = 0;
            for (int k = start; k < start + block; k++) sq += f[k] * f[k];
            // the reference's clip: factor min(1, max/(‖f‖ + 1e-6))
            double factor = Math.min(1, FORCE_CLIP / (Math.sqrt(sq) + 1e-6));
            if (factor < 1) for (int k = start; k < start + block; k++) f[k] *= factor;
        }
    }
}
