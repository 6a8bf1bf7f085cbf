package io.pitaj.models.systems;

import io.pitaj.models.targets.EnergyUnit;
import io.pitaj.models.targets.ParticleLayout;
import io.pitaj.models.targets.Target;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * One named benchmark system: what it is (known without building the target, which may mean parsing a force field),
 * its default temperature ladder, and how to build its {@link Target} and typical configurations.
 *
 * @param ladder        default temperature ladder, hot → target, in {@code unit.temperatureUnit()}; its last rung is
 *                      the target temperature
 * @param hasCutoff     whether the target accepts a {@link io.pitaj.models.forcefield.NonbondedCutoff} through {@link TargetOptions}
 * @param factory       builds a new target for the given options
 * @param sampler       writes typical configurations, see {@link ConfigurationSampler}
 */
public record SystemInfo<T extends Target>(
        String name,
        String description,
        ParticleLayout layout,
        EnergyUnit unit,
        boolean meanFree,
        List<Double> ladder,
        boolean hasCutoff,
        Function<TargetOptions, T> factory,
        ConfigurationSampler<? super T> sampler) {

    public SystemInfo {
        ladder = List.copyOf(ladder);
        if (ladder.isEmpty()) throw new IllegalArgumentException(name + ": the ladder needs at least the target temperature");
        for (int k = 0; k < ladder.size(); k++) {
            double t = ladder.get(k);
            if (!(t > 0) || Double.isInfinite(t)) throw new IllegalArgumentException(name + ": ladder temperature " + t + " is not positive");
            if (k > 0 && !(t < ladder.get(k - 1))) throw new IllegalArgumentException(name + ": the ladder must run hot → cold");
        }
    }

    public int dimension() { return layout.dimension(); }

    public double targetTemperature() { return ladder.get(ladder.size() - 1); }

    /** Whether {@link #sampleBatch} draws exact Boltzmann samples at {@link #targetTemperature} ({@link ExactSampler}). */
    public boolean hasExactSampler() { return sampler instanceof ExactSampler; }

    /** A new target; fails if the options ask for a cutoff this system does not have. */
    public T create(TargetOptions options) {
        if (options.cutoffChoice().isPresent() && !hasCutoff) {
            throw new IllegalArgumentException("system '" + name + "' has no cutoff to choose");
        }
        return factory.apply(options);
    }

    /** A new target with {@code size} typical configurations drawn from a generator seeded with {@code seed}. */
    public ConfigurationBatch sampleBatch(TargetOptions options, int size, long seed) {
        T target = create(options);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[Math.multiplyExact(size, target.dimension())];
        for (int i = 0; i < size; i++) sampler.sample(target, rng, x, i * target.dimension());
        return new ConfigurationBatch(target, x, size);
    }
}
