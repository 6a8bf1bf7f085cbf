package io.pitaj.models.sampling;

import io.pitaj.models.targets.CoordinateMap;
import io.pitaj.models.targets.Target;

/**
 * A target seen from the model's coordinates ({@link Target#modelCoordinates()}: peptides centred and divided by a
 * per-system scale, pita-algorithm.md §1.6; Gaussian mixtures standardised; everything else as it is). Samplers that
 * run networks keep particles in model coordinates and go through this class for every target evaluation and for
 * the output, which is in physical units.
 */
public final class ModelCoordinates {
    private final Target target;
    private final CoordinateMap map;

    public ModelCoordinates(Target target) {
        this.target = target;
        this.map = target.modelCoordinates();
    }

    public Target target() { return target; }

    /** Physical coordinates (nm for peptides) of {@code batch} model-space configurations. */
    public double[] toPhysical(double[] xModel, int batch) {
        double[] out = new double[xModel.length];
        map.toPhysical(xModel, out, batch);
        return out;
    }

    /** Model-space coordinates of {@code batch} physical configurations. */
    public double[] toModel(double[] xPhysical, int batch) {
        double[] out = new double[xPhysical.length];
        map.toModel(xPhysical, out, batch);
        return out;
    }

    /** log π_T at model-space configurations (the density of the physical coordinates; the scale is a constant Jacobian). */
    public double[] logDensity(double[] xModel, int batch, double temperature) {
        double[] out = new double[batch];
        target.logDensityAndGrad(toPhysical(xModel, batch), batch, temperature, out, null);
        return out;
    }
}
