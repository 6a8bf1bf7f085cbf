package io.pitaj.models.targets;

/**
 * Model coordinates x̃ = (x − c)/s with a fixed centre c and one length s for every coordinate, so that gradients map
 * as ∇_x̃ = s·∇_x. A Gaussian mixture uses its own mean and root-mean-square spread (see
 * {@link GaussianMixture#standardisation()}): mog4's modes sit ±3.5 apart, and EDM's unit-data-scale preconditioning
 * with σ(t) distributed around e^−1.2 otherwise trains the noise levels that separate the modes far too rarely.
 */
public record Standardisation(double[] centre, double scale) implements CoordinateMap {
    public Standardisation {
        centre = centre.clone();
        if (!(scale > 0) || Double.isInfinite(scale)) throw new IllegalArgumentException("scale must be positive and finite, got " + scale);
    }

    @Override
    public double[] centre() { return centre.clone(); }

    @Override
    public void toModel(double[] xPhysical, double[] out, int batch) {
        int d = centre.length;
        check(xPhysical, out, batch);
        for (int i = 0; i < batch * d; i++) out[i] = (xPhysical[i] - centre[i % d]) / scale;
    }

    @Override
    public void toPhysical(double[] xModel, double[] out, int batch) {
        int d = centre.length;
        check(xModel, out, batch);
        for (int i = 0; i < batch * d; i++) out[i] = xModel[i] * scale + centre[i % d];
    }

    @Override
    public void gradientToModel(double[] gradPhysical, double[] out, int batch) {
        check(gradPhysical, out, batch);
        for (int i = 0; i < batch * centre.length; i++) out[i] = gradPhysical[i] * scale;
    }

    private void check(double[] in, double[] out, int batch) {
        long need = (long) batch * centre.length;
        if (batch < 0 || in.length < need || out.length < need) {
            throw new IllegalArgumentException("batch of " + batch + " × " + centre.length + " needs " + need + " values, got input "
                    + in.length + " and output " + out.length);
        }
    }
}
