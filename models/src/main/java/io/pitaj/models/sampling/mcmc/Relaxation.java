package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.sampling.EvaluationCounts;

/**
 * The outcome of a {@link Relaxer}.
 *
 * @param positions  relaxed configurations, count × dimension, row-major
 * @param energies   their potential energies in the target's energy unit
 * @param acceptance fraction of proposals accepted over all configurations and steps; NaN for dynamics without an
 *                   accept/reject step
 * @param stepSize   the step size at the end, in the relaxer's unit (MALA: squared length; MD: the time step)
 * @param counts     target evaluations spent
 */
public record Relaxation(double[] positions, double[] energies, double acceptance, double stepSize, EvaluationCounts counts) {}
