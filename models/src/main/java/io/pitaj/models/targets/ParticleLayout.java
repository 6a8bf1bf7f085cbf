package io.pitaj.models.targets;

/**
 * How a flat coordinate vector is laid out: {@code particles} points of {@code spatialDim} coordinates each,
 * particle-major (x0, y0, z0, x1, ...).
 *
 * @param particles  number of particles (atoms); 1 for a plain vector density such as GMM-40
 * @param spatialDim coordinates per particle (2 or 3)
 */
public record ParticleLayout(int particles, int spatialDim) {
    public ParticleLayout {
        if (particles < 1 || spatialDim < 1) {
            throw new IllegalArgumentException("layout needs at least one particle and one coordinate");
        }
    }

    public int dimension() { return particles * spatialDim; }
}
