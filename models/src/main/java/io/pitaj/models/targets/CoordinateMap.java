package io.pitaj.models.targets;

/**
 * The affine map between a target's physical coordinates and the coordinates its networks see (pita-algorithm.md
 * §1.6): EDM's preconditioning assumes data of unit scale (σ_data = 1), so systems whose spread is far from 1 are
 * modelled shifted and divided by a length. All methods work on flat batches of {@code batch × dimension} values;
 * input and output may be the same array.
 */
public interface CoordinateMap {
    /** The identity: the model sees physical coordinates. */
    CoordinateMap IDENTITY = new CoordinateMap() {
        @Override
        public void toModel(double[] xPhysical, double[] out, int batch) { copy(xPhysical, out); }

        @Override
        public void toPhysical(double[] xModel, double[] out, int batch) { copy(xModel, out); }

        @Override
        public void gradientToModel(double[] gradPhysical, double[] out, int batch) { copy(gradPhysical, out); }

        private static void copy(double[] in, double[] out) {
            if (in != out) System.arraycopy(in, 0, out, 0, in.length);
        }
    };

    void toModel(double[] xPhysical, double[] out, int batch);

    void toPhysical(double[] xModel, double[] out, int batch);

    /** ∇ in model coordinates of a function of the physical coordinates, from its physical gradient. */
    void gradientToModel(double[] gradPhysical, double[] out, int batch);
}
