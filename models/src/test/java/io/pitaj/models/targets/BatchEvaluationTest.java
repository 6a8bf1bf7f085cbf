package io.pitaj.models.targets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pitaj.models.systems.ConfigurationBatch;
import io.pitaj.models.systems.SystemCatalog;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.TargetOptions;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BatchEvaluationTest {
    // large enough that even the cheapest target (DW-4) is split over several threads
    private static final int BATCH = 5003;

    static Stream<SystemInfo<?>> systems() {
        return SystemCatalog.builtIn().all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void multiThreadedBatchEqualsSingleThreadedBitForBit(SystemInfo<?> system) {
        ConfigurationBatch batch = system.sampleBatch(TargetOptions.DEFAULTS, BATCH, 1);
        try (Target target = batch.target()) {
            int dim = target.dimension();
            double[] e1 = new double[BATCH], g1 = new double[BATCH * dim];
            target.threads(1).energies(batch.x(), BATCH, e1, g1);
            double[] e4 = new double[BATCH], g4 = new double[BATCH * dim];
            target.threads(4).energies(batch.x(), BATCH, e4, g4);
            assertArrayEquals(e1, e4, 0.0);
            assertArrayEquals(g1, g4, 0.0);
            double[] single = new double[dim];
            System.arraycopy(batch.x(), 17 * dim, single, 0, dim);
            assertEquals(e1[17], target.energy(single), 0.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void everyConfigurationCountsOnceWithOrWithoutGradients(SystemInfo<?> system) {
        ConfigurationBatch batch = system.sampleBatch(TargetOptions.DEFAULTS, BATCH, 2);
        try (Target target = batch.target().threads(3)) {
            target.energies(batch.x(), BATCH, new double[BATCH], null);
            target.energies(batch.x(), BATCH, new double[BATCH], new double[BATCH * target.dimension()]);
            target.logDensityAndGrad(batch.x(), 5, 2.0, new double[5], null);
            target.energy(batch.x());
            assertEquals(2L * BATCH + 5 + 1, target.energyEvaluations());
            assertEquals(0, target.nonFiniteEnergies());
        }
    }

    /**
     * Two interacting particles on top of each other (the first and the last: never bonded in the peptides) give a
     * non-finite energy, which is returned as is and counted once per sample. DW-4's pair term is a polynomial, finite
     * at d = 0, so it has no such configuration.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void collapsedConfigurationsAreCountedAsNonFinite(SystemInfo<?> system) {
        assumeTrue(system.layout().particles() > 1 && !system.name().equals("dw4"), "no singular configuration");
        ConfigurationBatch batch = system.sampleBatch(TargetOptions.DEFAULTS, BATCH, 3);
        try (Target target = batch.target().threads(2)) {
            int dim = target.dimension(), spatial = target.layout().spatialDim();
            int[] collapsed = {0, 17, BATCH - 1};
            for (int i : collapsed) System.arraycopy(batch.x(), i * dim, batch.x(), (i + 1) * dim - spatial, spatial);
            double[] e = target.energies(batch.x(), BATCH, new double[BATCH], new double[BATCH * dim]);
            for (int i : collapsed) assertFalse(Double.isFinite(e[i]), system.name() + " sample " + i + ": " + e[i]);
            assertEquals(collapsed.length, target.nonFiniteEnergies());
        }
    }
}
