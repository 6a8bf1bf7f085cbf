package io.pitaj.worker.running;

import io.pitaj.models.sampling.EvaluationCounts;
import io.pitaj.models.sampling.mcmc.LangevinMd;
import io.pitaj.models.sampling.mcmc.MalaPost;
import io.pitaj.models.sampling.mcmc.Relaxation;
import io.pitaj.models.sampling.mcmc.Relaxer;
import io.pitaj.models.targets.EnergyUnit;
import io.pitaj.models.targets.Target;
import io.pitaj.worker.UserInputException;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The relaxation stage after annealing (pita-algorithm.md §1.8.6: load-bearing in the paper, a no-op as released):
 * {@code --relax STEPS} of MALA with the reference's step-size rule or of Langevin dynamics at the target
 * temperature, never minimisation, which would leave the distribution. Off by default, as in the reference.
 */
final class RelaxOptions {
    /** First MALA step (squared length): small enough for peptide bonds in nm, a gentle start for reduced units. */
    private static final double MALA_STEP_NM2 = 1e-6, MALA_STEP_REDUCED = 1e-4;
    /** Langevin time step in reduced units for the particle systems (peptides use PITA's 1 fs). */
    private static final double MD_STEP_REDUCED = 1e-3;
    private static final double MD_FRICTION = 1.0;

    @Option(names = "--relax", defaultValue = "0", paramLabel = "STEPS", description = "Relaxation steps at the target temperature (default ${DEFAULT-VALUE}: none).")
    private int steps;

    @Option(names = "--relax-method", defaultValue = "mala", paramLabel = "mala|md", description = "Relaxation kernel (default ${DEFAULT-VALUE}).")
    private String method;

    @Option(names = "--relax-step", paramLabel = "DT",
            description = "MALA's first step (length², adapted every step) or the MD time step (ps for peptides); defaults per unit system.")
    private Double step;

    /** Relaxed physical configurations, what it cost and a one-line description for the metadata. */
    record Relaxed(double[] x, EvaluationCounts counts, String description) {}

    /** A checked relaxation stage, ready to run; {@link #plan} builds it before any sampling so that typos cost nothing. */
    record Plan(int steps, String method, Relaxer relaxer, double firstStep) {
        Relaxed apply(Target target, double temperature, double[] x, int count, long seed, PrintWriter err) {
            if (steps == 0) return new Relaxed(x, EvaluationCounts.NONE, "none");
            err.printf(Locale.ROOT, "relax: %d %s steps at T = %s%n", steps, method, temperature);
            err.flush();
            Relaxation r = relaxer.relax(target, temperature, x, count, steps, seed ^ 0x5eedL);
            String d = String.format(Locale.ROOT, "%s, %d steps, first step %s, final step %s%s", method, steps, firstStep, r.stepSize(),
                    Double.isNaN(r.acceptance()) ? "" : String.format(Locale.ROOT, ", acceptance %.3f", r.acceptance()));
            return new Relaxed(r.positions(), r.counts(), d);
        }
    }

    /** The stage these options ask for, in the target's unit system; a user error for a bad option, even with zero steps. */
    Plan plan(EnergyUnit unit) {
        if (steps < 0) throw new UserInputException("--relax must not be negative, got " + steps);
        boolean peptide = unit == EnergyUnit.KJ_PER_MOL;
        String m = method.toLowerCase(Locale.ROOT);
        try {
            return switch (m) {
                case "mala" -> {
                    double dt = step != null ? step : peptide ? MALA_STEP_NM2 : MALA_STEP_REDUCED;
                    yield new Plan(steps, m, new MalaPost(dt), dt);
                }
                case "md" -> {
                    double dt = step != null ? step : peptide ? LangevinMd.PITA_TIME_STEP_PS : MD_STEP_REDUCED;
                    yield new Plan(steps, m, new LangevinMd(dt, MD_FRICTION, null), dt);
                }
                default -> throw new UserInputException("--relax-method must be mala or md, got '" + method + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--relax-step: " + e.getMessage(), e);
        }
    }
}
