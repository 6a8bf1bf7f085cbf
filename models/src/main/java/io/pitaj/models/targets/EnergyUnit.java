package io.pitaj.models.targets;

/**
 * Physical unit system of a target: what its coordinates, energies and temperatures mean, and the
 * Boltzmann constant that turns an energy and a temperature into a reduced energy E/(k_B T).
 */
public enum EnergyUnit {
    /** Peptides: positions in nm, energies in kJ/mol, temperatures in K, k_B = R. */
    KJ_PER_MOL("kJ/mol", "nm", "K", 0.00831446261815324),
    /** Particle systems and toy densities: dimensionless lengths, energies and temperatures, k_B = 1. */
    REDUCED("reduced", "reduced", "reduced", 1.0);

    private final String energyUnit;
    private final String lengthUnit;
    private final String temperatureUnit;
    private final double boltzmann;

    EnergyUnit(String energyUnit, String lengthUnit, String temperatureUnit, double boltzmann) {
        this.energyUnit = energyUnit;
        this.lengthUnit = lengthUnit;
        this.temperatureUnit = temperatureUnit;
        this.boltzmann = boltzmann;
    }

    public String energyUnit() { return energyUnit; }

    public String lengthUnit() { return lengthUnit; }

    public String temperatureUnit() { return temperatureUnit; }

    /** Forces are −∇E in energy unit per length unit. */
    public String forceUnit() { return this == REDUCED ? "reduced" : energyUnit + "/" + lengthUnit; }

    /** k_B in energy unit per temperature unit (R = 8.31446261815324e-3 kJ/(mol·K) for peptides). */
    public double boltzmann() { return boltzmann; }

    /** k_B·T in energy units. */
    public double kT(double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
        return boltzmann * temperature;
    }
}
