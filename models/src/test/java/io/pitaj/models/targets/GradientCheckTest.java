package io.pitaj.models.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.models.systems.ConfigurationBatch;
import io.pitaj.models.systems.SystemCatalog;
import io.pitaj.models.systems.SystemInfo;
import io.pitaj.models.systems.TargetOptions;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Analytic gradients against central finite differences, for the analytic catalogue systems and both LJ conventions.
 * The peptides have their own check with step sizes suited to stiff bonds (forcefield.GradientTest).
 */
class GradientCheckTest {
    private static final int CONFIGURATIONS = 8;
    private static final double H = 1e-5;

    static Stream<SystemInfo<?>> systems() {
        return SystemCatalog.builtIn().all().stream().filter(s -> s.unit() == EnergyUnit.REDUCED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void gradientMatchesCentralDifferences(SystemInfo<?> system) {
        ConfigurationBatch batch = system.sampleBatch(TargetOptions.DEFAULTS, CONFIGURATIONS, 7);
        // push the typical configurations off their lattice / ring / modes so all terms are exercised
        SplittableRandom rng = new SplittableRandom(11);
        for (int k = 0; k < batch.x().length; k++) batch.x()[k] += 0.1 * (rng.nextDouble() - 0.5);
        assertGradientMatches(batch.target(), batch.x(), batch.size());
    }

    @ParameterizedTest
    @MethodSource("conventions")
    void lennardJonesGradientInEveryConvention(PairConvention convention) {
        LennardJones lj = new LennardJones("lj5", 5, convention, 0.7);
        double[] x = new double[CONFIGURATIONS * lj.dimension()];
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < CONFIGURATIONS; i++) lj.jitteredLattice(rng, x, i * lj.dimension());
        assertGradientMatches(lj, x, CONFIGURATIONS);
    }

    static Stream<PairConvention> conventions() {
        return Stream.of(PairConvention.values());
    }

    @ParameterizedTest
    @MethodSource("farPoints")
    void gaussianMixtureGradientFarFromEveryMode(double px, double py) {
        assertGradientMatches(new GaussianMixture40(), new double[] {px, py}, 1);
    }

    static Stream<Arguments> farPoints() {
        return Stream.of(
                Arguments.of(-60.0, 60.0),
                Arguments.of(150.0, -20.0),
                Arguments.of(0.0, 0.0));
    }

    static void assertGradientMatches(Target target, double[] x, int batch) {
        int dim = target.dimension();
        double[] grad = new double[batch * dim];
        target.energies(x, batch, new double[batch], grad);
        double[] probe = new double[dim];
        for (int i = 0; i < batch; i++) {
            for (int k = 0; k < dim; k++) {
                System.arraycopy(x, i * dim, probe, 0, dim);
                probe[k] += H;
                double up = target.energy(probe);
                probe[k] -= 2 * H;
                double down = target.energy(probe);
                double numeric = (up - down) / (2 * H);
                double analytic = grad[i * dim + k];
                assertTrue(Double.isFinite(analytic), target.name() + ": gradient is not finite");
                assertEquals(numeric, analytic, 1e-6 * Math.max(1, Math.abs(analytic)),
                        target.name() + " sample " + i + " coordinate " + k);
            }
        }
    }
}
