package io.pitaj.activities.stages;

import io.pitaj.models.sampling.AnnealingConfig;
import io.pitaj.models.sampling.Resampler;
import io.pitaj.models.sampling.ResamplingSchedule;
import io.pitaj.models.sampling.WeightEstimator;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.targets.EnergyUnit;

/**
 * An annealing as a user states it (the options of {@code pita anneal}, the {@code anneal} block of a run spec),
 * turned into the sampler's {@link AnnealingConfig} with the defaults that depend on the system: resampling until
 * 80 % (peptides) or 90 % of the steps, and the final SNIS against the target for the LJ systems.
 *
 * @param resampleUntil null for the default; exclusive with {@code essThreshold}
 * @param clip          {@code off} or a quantile in (0, 1]
 * @param finalSnis     null for the system's default
 */
public record AnnealingSettings(double gamma, int particles, int steps, Integer resampleUntil, Double essThreshold, String resampler,
                                String clip, String weights, Boolean finalSnis, int chunk) {
    /** @throws IllegalArgumentException naming the option for every bad value */
    public AnnealingConfig config(SystemInfo<?> info, long seed) {
        if (!(gamma >= 1) || Double.isInfinite(gamma)) throw new IllegalArgumentException("--gamma must be at least 1, got " + gamma);
        if (particles < 1) throw new IllegalArgumentException("--particles must be at least 1, got " + particles);
        if (steps < 1) throw new IllegalArgumentException("--steps must be at least 1, got " + steps);
        if (chunk < 1) throw new IllegalArgumentException("--chunk must be at least 1, got " + chunk);
        boolean peptide = info.unit() == EnergyUnit.KJ_PER_MOL;
        ResamplingSchedule schedule;
        if (essThreshold != null) {
            if (resampleUntil != null) throw new IllegalArgumentException("--resample-until and --ess-threshold exclude each other");
            if (!(essThreshold > 0 && essThreshold <= 1)) throw new IllegalArgumentException("--ess-threshold must be in (0, 1], got " + essThreshold);
            schedule = new ResamplingSchedule.EssBelow(essThreshold);
        } else {
            int until = resampleUntil != null ? resampleUntil : (int) Math.round((peptide ? 0.8 : 0.9) * steps);
            if (until < 0 || until > steps) throw new IllegalArgumentException("--resample-until must be in [0, " + steps + "], got " + until);
            schedule = new ResamplingSchedule.EveryStepUntil(until);
        }
        double q;
        if (clip.equalsIgnoreCase("off")) {
            q = Double.NaN;
        } else {
            try {
                q = Double.parseDouble(clip);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--clip takes off or a quantile in (0, 1], got '" + clip + "'");
            }
            if (!(q > 0 && q <= 1)) throw new IllegalArgumentException("--clip quantile must be in (0, 1], got " + clip);
        }
        boolean snis = finalSnis != null ? finalSnis : info.name().startsWith("lj");
        return new AnnealingConfig(gamma, particles, steps, schedule, Resampler.parse(resampler), q, WeightEstimator.parse(weights), snis,
                Math.min(chunk, particles), seed);
    }
}
