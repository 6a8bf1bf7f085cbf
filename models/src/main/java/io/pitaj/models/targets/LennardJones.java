package io.pitaj.models.targets;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * LJ-n cluster in 3-D (benchmarks.md §2.3, pita-algorithm.md §3.1): ε = r_m = 1, no cutoff,
 * E = m·Σ_{i<j} [(1/r_ij)¹² − 2(1/r_ij)⁶] + ½·k·Σ_i |x_i − x̄|², with the pair multiplicity m set by a
 * {@link PairConvention} and the harmonic confinement k (oscillator_scale, 1 in every reference setup).
 */
public final class LennardJones extends Target {
    private static final int SPATIAL_DIM = 3;
    /** Standard deviation of the per-coordinate jitter in {@link #jitteredLattice}. */
    private static final double LATTICE_JITTER = 0.05;

    private final int particles;
    private final double pairMultiplicity;
    private final double oscillatorScale;
    /** The {@code particles} simple-cubic lattice sites (spacing r_m) nearest the lattice centre, centred. */
    private final double[] latticeSites;

    public LennardJones(String name, int particles, PairConvention convention, double oscillatorScale) {
        super(name, new ParticleLayout(particles, SPATIAL_DIM), true, EnergyUnit.REDUCED);
        if (particles < 2) throw new IllegalArgumentException("a Lennard-Jones cluster needs at least 2 particles");
        this.particles = particles;
        this.pairMultiplicity = convention.pairMultiplicity();
        this.oscillatorScale = oscillatorScale;
        this.latticeSites = compactCubicCluster(particles);
    }

    /**
     * Writes a typical finite-energy configuration: the compact simple-cubic cluster of nearest-neighbour distance
     * r_m = 1 (the pair minimum), each coordinate jittered by N(0, 0.05²), then re-centred.
     */
    public void jitteredLattice(SplittableRandom rng, double[] out, int offset) {
        for (int k = 0; k < latticeSites.length; k++) {
            out[offset + k] = latticeSites[k] + LATTICE_JITTER * StandardNormal.draw(rng);
        }
        Centring.removeMean(out, offset, particles, SPATIAL_DIM);
    }

    @Override
    protected EnergyEvaluator newEvaluator() {
        double[] centre = new double[SPATIAL_DIM];
        return (x, xo, grad, go) -> {
            int dim = particles * SPATIAL_DIM;
            if (grad != null) Arrays.fill(grad, go, go + dim, 0.0);
            double pairSum = 0;
            for (int i = 0; i < particles; i++) {
                int pi = xo + SPATIAL_DIM * i;
                for (int j = i + 1; j < particles; j++) {
                    int pj = xo + SPATIAL_DIM * j;
                    double dx = x[pi] - x[pj], dy = x[pi + 1] - x[pj + 1], dz = x[pi + 2] - x[pj + 2];
                    double inv2 = 1.0 / (dx * dx + dy * dy + dz * dz);
                    double inv6 = inv2 * inv2 * inv2;
                    pairSum += inv6 * inv6 - 2 * inv6;
                    if (grad != null) {
                        // d/dr [r⁻¹² − 2r⁻⁶] / r = (−12 r⁻¹² + 12 r⁻⁶) / r²
                        double f = pairMultiplicity * 12 * (inv6 - inv6 * inv6) * inv2;
                        int gi = go + SPATIAL_DIM * i, gj = go + SPATIAL_DIM * j;
                        grad[gi] += f * dx;
                        grad[gi + 1] += f * dy;
                        grad[gi + 2] += f * dz;
                        grad[gj] -= f * dx;
                        grad[gj + 1] -= f * dy;
                        grad[gj + 2] -= f * dz;
                    }
                }
            }
            Arrays.fill(centre, 0.0);
            for (int i = 0; i < particles; i++) {
                for (int a = 0; a < SPATIAL_DIM; a++) centre[a] += x[xo + SPATIAL_DIM * i + a];
            }
            for (int a = 0; a < SPATIAL_DIM; a++) centre[a] /= particles;
            double squares = 0;
            for (int i = 0; i < particles; i++) {
                for (int a = 0; a < SPATIAL_DIM; a++) {
                    double u = x[xo + SPATIAL_DIM * i + a] - centre[a];
                    squares += u * u;
                    // the centre's own dependence on x_i drops out because Σ_i (x_i − x̄) = 0
                    if (grad != null) grad[go + SPATIAL_DIM * i + a] += oscillatorScale * u;
                }
            }
            return pairMultiplicity * pairSum + 0.5 * oscillatorScale * squares;
        };
    }

    private static double[] compactCubicCluster(int n) {
        int side = (int) Math.ceil(Math.cbrt(n) - 1e-9);
        double mid = (side - 1) / 2.0;
        int[] sites = IntStream.range(0, side * side * side).boxed()
                .sorted(Comparator.comparingDouble((Integer s) -> {
                    double a = s % side - mid, b = s / side % side - mid, c = s / (side * side) - mid;
                    return a * a + b * b + c * c;
                }).thenComparingInt(s -> s))
                .limit(n).mapToInt(Integer::intValue).toArray();
        double[] xyz = new double[SPATIAL_DIM * n];
        for (int k = 0; k < n; k++) {
            xyz[3 * k] = sites[k] % side;
            xyz[3 * k + 1] = sites[k] / side % side;
            xyz[3 * k + 2] = sites[k] / (side * side);
        }
        Centring.removeMean(xyz, 0, n, SPATIAL_DIM);
        return xyz;
    }
}
