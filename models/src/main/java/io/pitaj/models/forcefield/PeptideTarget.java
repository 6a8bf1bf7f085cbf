package io.pitaj.models.forcefield;

import io.pitaj.models.targets.CoordinateMap;
import io.pitaj.models.targets.EnergyEvaluator;
import io.pitaj.models.targets.EnergyUnit;
import io.pitaj.models.targets.ParticleLayout;
import io.pitaj.models.targets.Target;

import java.util.List;

/**
 * A peptide's Boltzmann density under an AMBER force field: coordinates in nm (atom-major x, y, z), energies in
 * kJ/mol. The density lives in physical units; PITA's centring and scaling is the separate {@link PeptideNormalization}.
 */
public final class PeptideTarget extends Target {
    private final AmberTopology topology;
    private final AmberForceField forceField;
    private final double coordinateScaleNm;

    public PeptideTarget(String name, AmberTopology topology, AmberForceField forceField, double coordinateScaleNm) {
        super(name, new ParticleLayout(topology.atomCount(), 3), true, EnergyUnit.KJ_PER_MOL);
        if (forceField.atomCount() != topology.atomCount()) {
            throw new IllegalArgumentException("force field has " + forceField.atomCount() + " atoms, topology " + topology.atomCount());
        }
        if (!(coordinateScaleNm > 0) || Double.isInfinite(coordinateScaleNm)) {
            throw new IllegalArgumentException("coordinate scale must be positive and finite, got " + coordinateScaleNm);
        }
        this.topology = topology;
        this.forceField = forceField;
        this.coordinateScaleNm = coordinateScaleNm;
    }

    @Override
    protected EnergyEvaluator newEvaluator() { return forceField.newEvaluator(); }

    @Override
    public List<String> elementSymbols() { return topology.elements(); }

    public AmberTopology topology() { return topology; }

    public AmberForceField forceField() { return forceField; }

    public NonbondedCutoff cutoff() { return forceField.options().cutoff(); }

    /** PITA's data_normalization_factor: model coordinates are centred positions divided by this (nm). */
    public double coordinateScaleNm() { return coordinateScaleNm; }

    public PeptideNormalization normalization() { return new PeptideNormalization(topology.atomCount(), coordinateScaleNm); }

    @Override
    public CoordinateMap modelCoordinates() { return normalization(); }
}
