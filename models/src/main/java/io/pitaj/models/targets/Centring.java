package io.pitaj.models.targets;

/** Moves particle configurations to their centre-of-mass-free subspace (all particles weigh the same). */
public final class Centring {
    private Centring() {}

    /** Subtracts the mean position from each of the {@code particles} points stored at {@code x[offset ..]}. */
    public static void removeMean(double[] x, int offset, int particles, int spatialDim) {
        for (int a = 0; a < spatialDim; a++) {
            double mean = 0;
            for (int i = 0; i < particles; i++) mean += x[offset + i * spatialDim + a];
            mean /= particles;
            for (int i = 0; i < particles; i++) x[offset + i * spatialDim + a] -= mean;
        }
    }
}
