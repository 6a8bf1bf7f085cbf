package io.pitaj.models.forcefield;

import io.pitaj.models.targets.CoordinateMap;

/**
 * PITA's coordinate normalisation for peptides: a model coordinate is the configuration centred on its centroid
 * (unweighted mean of the atoms) and divided by a fixed length scale, x̃ = (x − x̄)/c; back, x = c·x̃ (the centre is
 * dropped, the energy is translation invariant). Gradients map as ∇_x̃ = c·∇_x. All methods work on flat batches of
 * {@code batch × 3·atoms} values; input and output may be the same array.
 */
public final class PeptideNormalization implements CoordinateMap {
    private final int atoms;
    private final double scale;

    public PeptideNormalization(int atoms, double scaleNm) {
        if (atoms < 1) throw new IllegalArgumentException("need at least one atom");
        if (!(scaleNm > 0) || Double.isInfinite(scaleNm)) throw new IllegalArgumentException("scale must be positive and finite, got " + scaleNm);
        this.atoms = atoms;
        this.scale = scaleNm;
    }

    public double scaleNm() { return scale; }

    public int dimension() { return 3 * atoms; }

    /** x̃ = (x − centroid)/scale, per configuration. */
    @Override
    public void toModel(double[] xNm, double[] out, int batch) {
        check(xNm, out, batch);
        int dim = 3 * atoms;
        double inv = 1 / scale;
        for (int s = 0; s < batch; s++) {
            int o = s * dim;
            double cx = 0, cy = 0, cz = 0;
            for (int a = o; a < o + dim; a += 3) {
                cx += xNm[a];
                cy += xNm[a + 1];
                cz += xNm[a + 2];
            }
            cx /= atoms;
            cy /= atoms;
            cz /= atoms;
            for (int a = o; a < o + dim; a += 3) {
                out[a] = (xNm[a] - cx) * inv;
                out[a + 1] = (xNm[a + 1] - cy) * inv;
                out[a + 2] = (xNm[a + 2] - cz) * inv;
            }
        }
    }

    /** x = scale·x̃ (nm, centred). */
    @Override
    public void toPhysical(double[] xModel, double[] out, int batch) {
        scaleBy(xModel, out, batch, scale);
    }

    /** ∇_x̃ f = scale·∇_x f for a function f of the physical coordinates. */
    @Override
    public void gradientToModel(double[] gradPhysical, double[] out, int batch) {
        scaleBy(gradPhysical, out, batch, scale);
    }

    private void scaleBy(double[] in, double[] out, int batch, double factor) {
        check(in, out, batch);
        int n = batch * 3 * atoms;
        for (int k = 0; k < n; k++) out[k] = factor * in[k];
    }

    private void check(double[] in, double[] out, int batch) {
        long need = (long) batch * 3 * atoms;
        if (batch < 0 || in.length < need || out.length < need) {
            throw new IllegalArgumentException("batch of " + batch + " × " + 3 * atoms + " needs " + need + " values, got input "
                    + in.length + " and output " + out.length);
        }
    }
}
