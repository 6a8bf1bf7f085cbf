package io.pitaj.models.targets;

/**
 * Evaluates the potential energy of one configuration. Instances own their scratch memory and are
 * therefore not thread-safe; {@link Target} hands each worker thread its own.
 */
public interface EnergyEvaluator {
    /**
     * Potential energy of the configuration {@code x[xOffset .. xOffset + dim)} in the target's energy unit.
     * If {@code grad} is not null, {@code grad[gradOffset .. gradOffset + dim)} is overwritten with dE/dx
     * (energy unit per length unit).
     */
    double energy(double[] x, int xOffset, double[] grad, int gradOffset);
}
