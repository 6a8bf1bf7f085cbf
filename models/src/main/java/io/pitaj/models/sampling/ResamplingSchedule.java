package io.pitaj.models.sampling;

/** When a Feynman–Kac run resamples its population. */
public sealed interface ResamplingSchedule {
    /**
     * PITA's schedule (§1.8.4–1.8.5): resample after every step k &lt; {@code until}; from then on the increments
     * are discarded, so the population ends unweighted (900 of 1000 steps for LJ-13, 800 for the peptides).
     */
    record EveryStepUntil(int until) implements ResamplingSchedule {
        public EveryStepUntil {
            if (until < 0) throw new IllegalArgumentException("resampling end step must not be negative, got " + until);
        }
    }

    /**
     * Resample whenever the effective sample size falls below {@code fraction}·N; the weights are carried through
     * every step and the population ends weighted, which keeps the estimator unbiased up to the model error.
     */
    record EssBelow(double fraction) implements ResamplingSchedule {
        public EssBelow {
            if (!(fraction > 0 && fraction <= 1)) throw new IllegalArgumentException("ESS fraction must be in (0, 1], got " + fraction);
        }
    }
}
