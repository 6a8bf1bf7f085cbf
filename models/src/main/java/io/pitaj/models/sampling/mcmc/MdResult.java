package io.pitaj.models.sampling.mcmc;

import io.pitaj.models.sampling.EvaluationCounts;

/**
 * What a {@link LangevinMd} run returns. Frames are chain-major like {@link McmcResult#samples()}: value j of frame
 * k of chain c is {@code frames[(c·kept + k)·dimension + j]}; per-frame arrays are indexed {@code c·kept + k}.
 *
 * @param potentialEnergies  E of each kept frame, energy units
 * @param kineticEnergies    ½Σmv² of each kept frame, energy units (full-step velocities)
 * @param finalPositions     chains × dimension
 * @param finalVelocities    chains × dimension, length per time unit (nm/ps for peptides)
 * @param kineticTemperature 2⟨KE⟩/(n_dof k_B) over the kept frames, n_dof = dimension less the removed
 *                           centre-of-mass momentum; a diagnostic of the thermostat and time step
 * @param minimisedMaxForce  per chain, the largest per-particle force norm after minimisation; empty without one
 * @param counts             target evaluations, minimisation and burn-in included
 */
public record MdResult(int chains, int kept, int dimension, double[] frames, double[] potentialEnergies,
                       double[] kineticEnergies, double[] finalPositions, double[] finalVelocities,
                       double kineticTemperature, double[] minimisedMaxForce, EvaluationCounts counts) {}
