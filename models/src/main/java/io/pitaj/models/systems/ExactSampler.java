package io.pitaj.models.systems;

import io.pitaj.models.targets.Target;
import java.util.SplittableRandom;

/**
 * A {@link ConfigurationSampler} whose configurations are independent exact draws from the Boltzmann density at the
 * system's target temperature (GMM-40: a component, then its Gaussian): ground-truth samples for training and
 * evaluation without MCMC.
 */
@FunctionalInterface
public interface ExactSampler<T extends Target> extends ConfigurationSampler<T> {
    /** A method reference as an exact sampler. */
    static <T extends Target> ExactSampler<T> of(ExactSampler<T> sampler) { return sampler; }
}
