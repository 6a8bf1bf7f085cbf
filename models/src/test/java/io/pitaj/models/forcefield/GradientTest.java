package io.pitaj.models.forcefield;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Analytic gradients against central finite differences, and the symmetries of the potential. */
class GradientTest {
    private static final double H = 1e-5;

    /** noisy and MD conformations of every fixture, plus random perturbations of the minimised structure. */
    static Stream<Arguments> conformations() {
        return ReferenceFixtures.all().stream().flatMap(f -> {
            Stream<Arguments> recorded = f.conformations().stream()
                    .filter(c -> c.id().equals("noisy") || c.id().startsWith("md"))
                    .map(c -> Arguments.of(Named.of(f.system() + " / " + c.id(), f), c.positions()));
            double[] minimized = f.conformations().stream().filter(c -> c.id().equals("minimized")).findFirst().orElseThrow().positions();
            Random rng = new Random(f.system().hashCode());
            Stream<Arguments> random = Stream.of(0, 1, 2).map(k -> {
                double[] x = minimized.clone();
                for (int i = 0; i < x.length; i++) x[i] += 0.02 * rng.nextGaussian();
                return Arguments.of(Named.of(f.system() + " / random " + k, f), x);
            });
            return Stream.concat(recorded, random);
        });
    }

    /**
     * Central differences with h = 1e-5 nm carry a truncation error h²·E‴/6 of up to ~1.5e-4 kJ/mol/nm on the stiff
     * bonds, so they are checked at 2e-4 (relative above 1 kJ/mol/nm); the fourth-order stencil on the same points
     * removes that error and pins the analytic gradient down to 1e-6.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("conformations")
    void gradientMatchesFiniteDifferences(ReferenceFixtures.Fixture fixture, double[] x) {
        AmberForceField.Evaluator ev = fixture.forceField().newEvaluator();
        double[] grad = new double[x.length];
        ev.energy(x, 0, grad, 0);
        double[] probe = x.clone();
        for (int k = 0; k < x.length; k++) {
            double[] e = new double[4];
            double[] steps = {H, -H, 2 * H, -2 * H};
            for (int s = 0; s < 4; s++) {
                probe[k] = x[k] + steps[s];
                e[s] = ev.energy(probe, 0, null, 0);
            }
            probe[k] = x[k];
            double central = (e[0] - e[1]) / (2 * H);
            double fourthOrder = (8 * (e[0] - e[1]) - (e[2] - e[3])) / (12 * H);
            double scale = Math.max(1, Math.abs(grad[k]));
            assertEquals(central, grad[k], 2e-4 * scale, "central difference, coordinate " + k);
            assertEquals(fourthOrder, grad[k], 1e-6 * scale, "fourth-order difference, coordinate " + k);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conformations")
    void rigidMotionLeavesEnergyUnchangedAndForcesBalance(ReferenceFixtures.Fixture fixture, double[] x) {
        AmberForceField.Evaluator ev = fixture.forceField().newEvaluator();
        double[] grad = new double[x.length];
        double e = ev.energy(x, 0, grad, 0);

        Random rng = new Random(7);
        double[] rot = randomRotation(rng);
        double tx = rng.nextGaussian(), ty = rng.nextGaussian(), tz = rng.nextGaussian();
        double[] moved = new double[x.length];
        for (int a = 0; a < x.length; a += 3) {
            for (int r = 0; r < 3; r++) {
                moved[a + r] = rot[3 * r] * x[a] + rot[3 * r + 1] * x[a + 1] + rot[3 * r + 2] * x[a + 2] + (r == 0 ? tx : r == 1 ? ty : tz);
            }
        }
        // only rounding changes E: by at most 6e-14 relative over all conformations
        assertEquals(e, ev.energy(moved, 0, null, 0), 1e-12 * Math.max(1, Math.abs(e)));

        double[] net = new double[3], torque = new double[3];
        double scale = 0;
        for (int a = 0; a < x.length; a += 3) {
            double fx = -grad[a], fy = -grad[a + 1], fz = -grad[a + 2];
            net[0] += fx;
            net[1] += fy;
            net[2] += fz;
            torque[0] += x[a + 1] * fz - x[a + 2] * fy;
            torque[1] += x[a + 2] * fx - x[a] * fz;
            torque[2] += x[a] * fy - x[a + 1] * fx;
            scale += Math.sqrt(fx * fx + fy * fy + fz * fz) * (1 + Math.sqrt(x[a] * x[a] + x[a + 1] * x[a + 1] + x[a + 2] * x[a + 2]));
        }
        // the largest net force and torque over all conformations are 1.1e-16 and 6.5e-17 of the force scale
        for (int r = 0; r < 3; r++) {
            assertTrue(Math.abs(net[r]) <= 1e-14 * scale, "net force " + net[r]);
            assertTrue(Math.abs(torque[r]) <= 1e-14 * scale, "net torque " + torque[r]);
        }
    }

    /** A uniformly random rotation matrix (row-major) from a random unit quaternion. */
    static double[] randomRotation(Random rng) {
        double w = rng.nextGaussian(), a = rng.nextGaussian(), b = rng.nextGaussian(), c = rng.nextGaussian();
        double n = Math.sqrt(w * w + a * a + b * b + c * c);
        w /= n;
        a /= n;
        b /= n;
        c /= n;
        return new double[] {
            1 - 2 * (b * b + c * c), 2 * (a * b - c * w), 2 * (a * c + b * w),
            2 * (a * b + c * w), 1 - 2 * (a * a + c * c), 2 * (b * c - a * w),
            2 * (a * c - b * w), 2 * (b * c + a * w), 1 - 2 * (a * a + b * b)};
    }
}
