package io.pitaj.models.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pitaj.models.targets.GaussianMixture;
import io.pitaj.models.targets.LennardJones;
import io.pitaj.models.targets.PairConvention;
import io.pitaj.models.targets.Standardisation;
import org.junit.jupiter.api.Test;

class TrainingSamplesTest {
    private static final GaussianMixture MOG4 = GaussianMixture.mog4();

    @Test
    void mixtureSamplesAreStandardisedWithEnergiesMeasuredFromTheModelOrigin() {
        Standardisation st = MOG4.standardisation();
        double[] x = {-3.5, 0.0, st.centre()[0], st.centre()[1]};
        TrainingSamples s = TrainingSamples.evaluate(MOG4, 4, 1, x, 2);
        double[] expectX = new double[4];
        st.toModel(x, expectX, 2);
        assertArrayEquals(expectX, s.x(), 1e-12);
        // the second sample is the mixture's mean, the model origin: its energy is the zero
        assertEquals(0, s.logDensity()[1], 1e-12);
        double[] g0 = new double[2], g1 = new double[2];
        double mode = MOG4.noisedLogDensity(new double[] {-3.5, 0}, 0, g0), mean = MOG4.noisedLogDensity(st.centre(), 0, g1);
        assertEquals((mode - mean) / 4, s.logDensity()[0], 1e-10);
        assertArrayEquals(new double[] {g0[0] / 4 * st.scale(), g0[1] / 4 * st.scale()}, new double[] {s.force()[0], s.force()[1]}, 1e-10);
    }

    @Test
    void meanFreeTargetsKeepTheirEnergyZero() {
        LennardJones lj = new LennardJones("lj13", 13, PairConvention.PITA_DEM, 1.0);
        assertEquals(0, TrainingSamples.originLogDensity(lj, 1), 0);
        assertEquals(0, lj.energyEvaluations(), "the collapsed origin is never evaluated");
    }
}
