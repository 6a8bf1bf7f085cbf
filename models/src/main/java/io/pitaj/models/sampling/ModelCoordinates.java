package io.pitaj.models.sampling;

import io.pitaj.models.forcefield.PeptideNormalization;
import io.pitaj.models.forcefield.PeptideTarget;
import io.pitaj.models.targets.Target;

/**
 * A target seen from the model's coordinates: peptides are modelled centred and divided by a per-system scale
 * (pita-algorithm.md §1.6), everything else as it is. Samplers that run networks keep particles in model coordinates
 * and go through this class for every target evaluation and for the output, which is in physical units.
 */
public final class ModelCoordinates {
    private final Target target;
    private final PeptideNormalization normalization;

    public ModelCoordinates(Target target) {
        this.target = target;
        this.normalization = target instanceof PeptideTarget p ? p.normalization() : null;
    }

    public Target target() { return target; }

    /** Physical coordinates (nm for peptides) of {@code batch} model-space configurations. */
    public double[] toPhysical(double[] xModel, int batch) {
        if (normalization == null) return xModel.clone();
        double[] out = new double[xModel.length];
        normalization.toPhysical(xModel, out, batch);
        return out;
    }

    /** Model-space coordinates of {@code batch} physical configurations. */
    public double[] toModel(double[] xPhysical, int batch) {
        if (normalization == null) return xPhysical.clone();
        double[] out = new double[xPhysical.length];
        normalization.toModel(xPhysical, out, batch);
        return out;
    }

    /** log π_T at model-space configurations (the density of the physical coordinates; the scale is a constant Jacobian). */
    public double[] logDensity(double[] xModel, int batch, double temperature) {
        double[] out = new double[batch];
        target.logDensityAndGrad(toPhysical(xModel, batch), batch, temperature, out, null);
        return out;
    }
}
