package io.pitaj.models.train;

import io.pitaj.models.forcefield.PeptideNormalization;
import io.pitaj.models.forcefield.PeptideTarget;
import io.pitaj.models.targets.ParticleLayout;
import io.pitaj.models.targets.Target;

/**
 * One rung's replay buffer in the model's coordinates (normalised for peptides, pita-algorithm.md §1.6): per
 * sample x, log π_T(x) and the force ∇ₓ log π_T(x), computed once when the samples enter the buffer.
 *
 * @param layout      particle layout of a sample
 * @param meanFree    whether samples live in the centre-of-mass-free subspace (augmentation rotates and centres them)
 * @param beta        the rung's conditioning inverse temperature β = round(T₀/T, 2)
 * @param x           count × dimension model coordinates
 * @param logDensity  log π_T per sample (= −E/kT)
 * @param force       count × dimension ∇ log π_T in model coordinates
 */
public record TrainingSamples(ParticleLayout layout, boolean meanFree, double beta, double[] x, double[] logDensity, double[] force) {
    public TrainingSamples {
        int d = layout.dimension();
        if (logDensity.length == 0) throw new IllegalArgumentException("a training buffer needs at least one sample");
        if (x.length != (long) logDensity.length * d || force.length != x.length) {
            throw new IllegalArgumentException("x and force need " + d + " values per sample");
        }
        if (!(beta > 0) || Double.isInfinite(beta)) throw new IllegalArgumentException("β must be positive, got " + beta);
    }

    public int count() { return logDensity.length; }

    public int dimension() { return layout.dimension(); }

    /**
     * Samples in the target's physical units with their log densities and forces at {@code temperature} computed by
     * the target, converted to model coordinates.
     */
    public static TrainingSamples evaluate(Target target, double temperature, double beta, double[] xPhysical, int count) {
        int d = target.dimension();
        double[] logDensity = new double[count], grad = new double[Math.multiplyExact(count, d)];
        target.logDensityAndGrad(xPhysical, count, temperature, logDensity, grad);
        double[] x = xPhysical.clone();
        if (target instanceof PeptideTarget peptide) {
            PeptideNormalization n = peptide.normalization();
            n.toModel(xPhysical, x, count);
            n.gradientToModel(grad, grad, count);
        }
        return new TrainingSamples(target.layout(), target.meanFree(), beta, x, logDensity, grad);
    }
}
