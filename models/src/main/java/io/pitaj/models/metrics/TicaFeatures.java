package io.pitaj.models.metrics;

import io.pitaj.models.forcefield.AmberTopology;
import java.util.ArrayList;
import java.util.List;

/**
 * PITA's TICA features (pita-algorithm.md §4.1), from the topology: all pairwise distances between heavy backbone
 * elements (C, N, S atoms) and sin, cos of every residue's φ, ψ and ω ({@link BackboneAngles}).
 */
public final class TicaFeatures {
    private final int[] heavy;
    private final BackboneAngles angles;
    private final int dimension;

    public TicaFeatures(AmberTopology top) {
        List<Integer> h = new ArrayList<>();
        for (int i = 0; i < top.atomCount(); i++) {
            String e = top.elements().get(i);
            if (e.equals("C") || e.equals("N") || e.equals("S")) h.add(i);
        }
        heavy = h.stream().mapToInt(Integer::intValue).toArray();
        angles = BackboneAngles.of(top);
        dimension = heavy.length * (heavy.length - 1) / 2 + 6 * angles.residues().size();
    }

    public int dimension() { return dimension; }

    /** Features of {@code samples} configurations (3 coordinates per atom), samples × {@link #dimension()}. */
    public double[] of(double[] x, int samples) {
        int dim = x.length / samples, r = angles.residues().size();
        double[] pp = angles.phiPsi(x, samples), om = angles.omega(x, samples);
        double[] out = new double[samples * dimension];
        for (int s = 0; s < samples; s++) {
            int o = s * dim, k = s * dimension;
            for (int i = 0; i < heavy.length; i++) {
                for (int j = i + 1; j < heavy.length; j++) {
                    double r2 = 0;
                    for (int a = 0; a < 3; a++) {
                        double d = x[o + 3 * heavy[i] + a] - x[o + 3 * heavy[j] + a];
                        r2 += d * d;
                    }
                    out[k++] = Math.sqrt(r2);
                }
            }
            for (int q = 0; q < r; q++) {
                for (double angle : new double[] {pp[s * 2 * r + 2 * q], pp[s * 2 * r + 2 * q + 1], om[s * r + q]}) {
                    out[k++] = Math.sin(angle);
                    out[k++] = Math.cos(angle);
                }
            }
        }
        return out;
    }
}
