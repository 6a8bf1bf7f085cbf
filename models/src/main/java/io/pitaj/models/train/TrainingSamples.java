package io.pitaj.models.train;

import io.pitaj.models.targets.CoordinateMap;
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
 * @param logDensity  log π_T per sample (= −E/kT), energies measured from the model origin's where that is finite
 *                    ({@link #originLogDensity})
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
        double[] x = new double[xPhysical.length];
        CoordinateMap map = target.modelCoordinates();
        map.toModel(xPhysical, x, count);
        map.gradientToModel(grad, grad, count);
        double zero = originLogDensity(target, temperature);
        for (int i = 0; i < count; i++) logDensity[i] -= zero;
        return new TrainingSamples(target.layout(), target.meanFree(), beta, x, logDensity, grad);
    }

    /**
     * log π_T at the model's origin when it is finite, else 0. The energy network's parameterisation has U_φ(0, t) = 0
     * for every t, so pinning U_φ to E/kT makes the origin's energy 0 whatever E is there. Where the origin lies
     * between modes (a standardised mixture: E/kT ≈ 8 at mog4's mean at T = 1, against ≈ 1 at its modes' centres)
     * that turns it into the deepest point of U_φ, and annealed samples collapse onto it. Measuring energies from the
     * origin's removes the conflict; a constant shift of E leaves the Boltzmann density unchanged. For peptides and
     * particle systems (mean-free targets) the origin puts every atom on one point, whose energy is not finite: nothing
     * is shifted and that configuration is not evaluated.
     */
    static double originLogDensity(Target target, double temperature) {
        if (target.meanFree()) return 0;
        int d = target.dimension();
        double[] origin = new double[d], out = new double[1];
        target.modelCoordinates().toPhysical(new double[d], origin, 1);
        target.logDensityAndGrad(origin, 1, temperature, out, null);
        return Double.isFinite(out[0]) ? out[0] : 0;
    }
}
