package io.pitaj.models.sampling.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.models.systems.ConfigurationBatch;
import io.pitaj.models.systems.SystemCatalog;
import io.pitaj.models.systems.TargetOptions;
import io.pitaj.models.targets.Target;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** On LJ-13 every kernel keeps every kept configuration centred and its energy finite. */
class MeanFreeTest {
    static Stream<Arguments> kernels() {
        return Stream.of(
                Arguments.of("MALA", Mala.adaptive(1e-4)),
                Arguments.of("HMC", Hmc.adaptive(0.01, 5)),
                Arguments.of("NUTS", Nuts.adaptive(0.01)),
                Arguments.of("MD", new LangevinMd(0.002, 1.0, EnergyMinimiser.defaults())));
    }

    /** Largest |mean over particles| of any axis of any configuration in {@code x}. */
    static double largestCentroid(double[] x, int configurations, int particles, int spatialDim) {
        double worst = 0;
        for (int s = 0; s < configurations; s++) {
            for (int a = 0; a < spatialDim; a++) {
                double mean = 0;
                for (int i = 0; i < particles; i++) mean += x[(s * particles + i) * spatialDim + a];
                worst = Math.max(worst, Math.abs(mean / particles));
            }
        }
        return worst;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void lj13StaysMeanFreeWithFiniteEnergies(String name, MarkovKernel kernel) {
        ConfigurationBatch batch = SystemCatalog.builtIn().get("lj13").sampleBatch(TargetOptions.DEFAULTS, 8, 1);
        try (Target target = batch.target()) {
            Schedule schedule = new Schedule(50, 20, 5);
            double[] samples;
            double[] energies;
            if (kernel instanceof LangevinMd md) {
                MdResult r = md.run(target, 1.0, batch.x(), 8, schedule, 2);
                samples = r.frames();
                energies = r.potentialEnergies();
                assertEquals(1.0, r.kineticTemperature(), 0.3, "kinetic temperature with 36 degrees of freedom");
                assertEquals(0, largestCentroidMomentum(r.finalVelocities()), 1e-12, "centre-of-mass momentum");
            } else {
                McmcResult r = ChainRunner.sample(kernel, target, 1.0, batch.x(), 8, schedule, 2);
                samples = r.samples();
                energies = r.energies();
                assertTrue(r.meanAcceptance() > 0.3, name + " acceptance " + r.meanAcceptance());
            }
            assertTrue(largestCentroid(samples, 8 * 20, 13, 3) < 1e-12, name + " centroid " + largestCentroid(samples, 8 * 20, 13, 3));
            for (double e : energies) assertTrue(Double.isFinite(e) && e < 0, name + " energy " + e);
        }
    }

    /** Unit masses, so the centre-of-mass momentum is the centroid of the velocities. */
    private static double largestCentroidMomentum(double[] v) { return largestCentroid(v, 8, 13, 3); }
}
