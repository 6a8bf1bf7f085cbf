/**
 * Markov-chain samplers for a {@link io.pitaj.models.targets.Target} at one temperature: MALA, HMC, NUTS, BAOAB
 * Langevin dynamics and replica exchange. They produce PITA's highest-temperature training data (pita-algorithm.md
 * §1.6) and the relaxation stage after annealing (§1.8.6, through {@link io.pitaj.models.sampling.mcmc.Relaxer}).
 *
 * <p>Every sampler moves a batch of independent chains stored flat and row-major ({@code chains × dimension}, as
 * {@link io.pitaj.models.targets.Target#energies} takes them), draws each chain's randomness from its own split of
 * the seed, and counts its target calls in an {@link io.pitaj.models.sampling.EvaluationCounts}.
 */
package io.pitaj.models.sampling.mcmc;
