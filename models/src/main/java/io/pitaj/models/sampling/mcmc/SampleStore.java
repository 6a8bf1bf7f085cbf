package io.pitaj.models.sampling.mcmc;

/** Kept configurations and their energies, chain-major: sample k of chain c is row c·kept + k. */
final class SampleStore {
    final int chains;
    final int kept;
    final int dimension;
    final double[] samples;
    final double[] energies;

    SampleStore(int chains, int kept, int dimension) {
        this.chains = chains;
        this.kept = kept;
        this.dimension = dimension;
        this.samples = new double[Math.multiplyExact(Math.multiplyExact(chains, kept), dimension)];
        this.energies = new double[chains * kept];
    }

    /** Stores every chain's current state as its sample {@code k}. */
    void record(ChainBatch b, int k) {
        for (int c = 0; c < chains; c++) {
            int row = c * kept + k;
            System.arraycopy(b.x, c * dimension, samples, row * dimension, dimension);
            energies[row] = b.energy[c];
        }
    }
}
