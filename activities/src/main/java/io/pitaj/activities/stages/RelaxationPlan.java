package io.pitaj.activities.stages;

import io.pitaj.models.sampling.EvaluationCounts;
import io.pitaj.models.sampling.mcmc.LangevinMd;
import io.pitaj.models.sampling.mcmc.MalaPost;
import io.pitaj.models.sampling.mcmc.Relaxation;
import io.pitaj.models.sampling.mcmc.Relaxer;
import io.pitaj.models.targets.EnergyUnit;
import io.pitaj.models.targets.Target;
import java.util.Locale;

/**
 * The relaxation stage after annealing (pita-algorithm.md §1.8.6: load-bearing in the paper, a no-op as released):
 * {@code steps} of MALA with the reference's step-size rule or of Langevin dynamics at the target temperature, never
 * minimisation, which would leave the distribution. Checked when built, so that a typo costs nothing.
 */
public record RelaxationPlan(int steps, String method, Relaxer relaxer, double firstStep) {
    /** First MALA step (squared length): small enough for peptide bonds in nm, a gentle start for reduced units. */
    private static final double MALA_STEP_NM2 = 1e-6, MALA_STEP_REDUCED = 1e-4;
    /** Langevin time step in reduced units for the particle systems (peptides use PITA's 1 fs). */
    private static final double MD_STEP_REDUCED = 1e-3;
    private static final double MD_FRICTION = 1.0;

    /** Relaxed physical configurations, what it cost and a one-line description for the metadata. */
    public record Relaxed(double[] x, EvaluationCounts counts, String description) {}

    /**
     * @param step MALA's first step or the MD time step; null for the unit system's default
     * @throws IllegalArgumentException naming the option for negative steps, an unknown method or a bad step
     */
    public static RelaxationPlan of(int steps, String method, Double step, EnergyUnit unit) {
        if (steps < 0) throw new IllegalArgumentException("--relax must not be negative, got " + steps);
        boolean peptide = unit == EnergyUnit.KJ_PER_MOL;
        String m = method.toLowerCase(Locale.ROOT);
        if (!m.equals("mala") && !m.equals("md")) throw new IllegalArgumentException("--relax-method must be mala or md, got '" + method + "'");
        try {
            if (m.equals("mala")) {
                double dt = step != null ? step : peptide ? MALA_STEP_NM2 : MALA_STEP_REDUCED;
                return new RelaxationPlan(steps, m, new MalaPost(dt), dt);
            }
            double dt = step != null ? step : peptide ? LangevinMd.PITA_TIME_STEP_PS : MD_STEP_REDUCED;
            return new RelaxationPlan(steps, m, new LangevinMd(dt, MD_FRICTION, null), dt);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--relax-step: " + e.getMessage(), e);
        }
    }

    /** Relaxes {@code count} physical configurations at {@code temperature}; zero steps return them unchanged. */
    public Relaxed apply(Target target, double temperature, double[] x, int count, long seed) {
        if (steps == 0) return new Relaxed(x, EvaluationCounts.NONE, "none");
        Relaxation r = relaxer.relax(target, temperature, x, count, steps, seed ^ 0x5eedL);
        String d = String.format(Locale.ROOT, "%s, %d steps, first step %s, final step %s%s", method, steps, firstStep, r.stepSize(),
                Double.isNaN(r.acceptance()) ? "" : String.format(Locale.ROOT, ", acceptance %.3f", r.acceptance()));
        return new Relaxed(r.positions(), r.counts(), d);
    }
}
