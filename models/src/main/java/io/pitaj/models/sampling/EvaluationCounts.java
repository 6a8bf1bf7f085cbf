package io.pitaj.models.sampling;

/**
 * What a sampler spent, counted per configuration: target energies evaluated without forces, target energies
 * evaluated with forces (one force evaluation is one energy-and-gradient call for one configuration), and model
 * evaluations (one particle through one network graph call, whatever that graph computes). Targets and models are
 * counted apart because their costs differ by orders of magnitude between systems.
 */
public record EvaluationCounts(long targetEnergies, long targetForces, long modelEvaluations) {
    public static final EvaluationCounts NONE = new EvaluationCounts(0, 0, 0);

    public EvaluationCounts {
        if (targetEnergies < 0 || targetForces < 0 || modelEvaluations < 0) {
            throw new IllegalArgumentException("evaluation counts must not be negative");
        }
    }

    /** Every target evaluation, with or without forces. */
    public long targetEvaluations() { return targetEnergies + targetForces; }

    public EvaluationCounts plus(EvaluationCounts o) {
        return new EvaluationCounts(targetEnergies + o.targetEnergies, targetForces + o.targetForces,
                modelEvaluations + o.modelEvaluations);
    }

    public EvaluationCounts plusEnergies(long n) { return new EvaluationCounts(targetEnergies + n, targetForces, modelEvaluations); }

    public EvaluationCounts plusForces(long n) { return new EvaluationCounts(targetEnergies, targetForces + n, modelEvaluations); }

    public EvaluationCounts plusModel(long n) { return new EvaluationCounts(targetEnergies, targetForces, modelEvaluations + n); }
}
