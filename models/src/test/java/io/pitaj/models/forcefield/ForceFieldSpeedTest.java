package io.pitaj.models.forcefield;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.Random;

/**
 * Throughput of batched energy + force evaluation, run by hand (never asserted):
 * {@code mvn -B -o -pl models test -Dtest=ForceFieldSpeedTest -Dpita.speed=true}. Optional {@code -Dpita.speed.threads=N}.
 */
@EnabledIfSystemProperty(named = "pita.speed", matches = "true")
class ForceFieldSpeedTest {
    private static final int BATCH = 2048;

    @Test
    void throughput() {
        int threads = Integer.getInteger("pita.speed.threads", 2);
        String[][] systems = {{"aldp", "aldp_amber14_obc1_pita"}, {"aldp-ff96", "aldp_ff96_obc1"}, {"al3", "al3_amber14_obc1_pita"},
            {"al4", "al4_amber14_obc1_pita"}};
        for (String[] s : systems) {
            try (PeptideTarget target = switch (s[0]) {
                case "aldp" -> PeptideSystems.aldp();
                case "aldp-ff96" -> PeptideSystems.aldpFf96();
                case "al3" -> PeptideSystems.al3();
                default -> PeptideSystems.al4();
            }) {
                target.threads(threads);
                double[] base = ReferenceFixtures.named(s[1]).conformations().get(2).positions();
                int dim = target.dimension();
                double[] x = new double[BATCH * dim], e = new double[BATCH], g = new double[BATCH * dim];
                Random rng = new Random(1);
                for (int b = 0; b < BATCH; b++) for (int k = 0; k < dim; k++) x[b * dim + k] = base[k] + 0.005 * rng.nextGaussian();
                run(target, x, e, g, 2.0);
                double withForces = run(target, x, e, g, 4.0);
                double energyOnly = run(target, x, e, null, 2.0);
                System.out.printf("%-10s %2d atoms, %d threads: %,10.0f energy+force evaluations/s (%,10.0f energy-only)%n",
                        s[0], target.layout().particles(), threads, withForces, energyOnly);
            }
        }
    }

    /** Evaluations per second over at least {@code seconds}. */
    private static double run(PeptideTarget target, double[] x, double[] e, double[] g, double seconds) {
        long start = System.nanoTime(), evaluations = 0;
        double elapsed;
        do {
            target.energies(x, BATCH, e, g);
            evaluations += BATCH;
            elapsed = (System.nanoTime() - start) * 1e-9;
        } while (elapsed < seconds);
        return evaluations / elapsed;
    }
}
