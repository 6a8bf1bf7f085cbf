package io.pitaj.models.forcefield;

/** Solvent model: none (vacuum) or OBC1 generalized Born with the ACE surface term, as OpenMM's implicit/obc1.xml. */
public enum ImplicitSolvent { VACUUM, OBC1 }
