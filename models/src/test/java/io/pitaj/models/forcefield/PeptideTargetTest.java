package io.pitaj.models.forcefield;

import io.pitaj.models.targets.EnergyUnit;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped targets, batched multi-threaded evaluation and PITA's coordinate normalisation. */
class PeptideTargetTest {
    private static ReferenceFixtures.Conformation conformation(String system, String id) {
        return ReferenceFixtures.named(system).conformations().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void shippedSystemsReproduceTheirFixtures() {
        String[][] cases = {{"aldp", "aldp_amber14_obc1_pita"}, {"al3", "al3_amber14_obc1_pita"}, {"al4", "al4_amber14_obc1_pita"},
            {"aldp-ff96", "aldp_ff96_obc1"}};
        for (String[] c : cases) {
            try (PeptideTarget t = switch (c[0]) {
                case "aldp" -> PeptideSystems.aldp();
                case "al3" -> PeptideSystems.al3();
                case "al4" -> PeptideSystems.al4();
                default -> PeptideSystems.aldpFf96();
            }) {
                ReferenceFixtures.Conformation conf = conformation(c[1], "md300_0");
                assertEquals(c[0], t.name());
                assertEquals(EnergyUnit.KJ_PER_MOL, t.unit());
                assertTrue(t.meanFree());
                assertEquals(conf.positions().length, t.dimension());
                assertEquals(t.topology().elements(), t.elementSymbols());
                // same prmtops as the fixtures, so only rounding separates them: at most 1.3e-12 kJ/mol
                assertEquals(conf.node().get("energy_kj_mol").get("total").asDouble(), t.energy(conf.positions()), 1e-10, c[0]);
            }
        }
        assertEquals(NonbondedCutoff.PITA, PeptideSystems.aldp().cutoff());
        assertEquals(NonbondedCutoff.NONE, PeptideSystems.aldpFf96().cutoff());
        assertEquals(NonbondedCutoff.NONE, PeptideSystems.al4(NonbondedCutoff.parse("none")).cutoff());
        assertEquals(0.1640, PeptideSystems.aldp().coordinateScaleNm());
        assertEquals(0.2059, PeptideSystems.al3().coordinateScaleNm());
        assertEquals(0.2446, PeptideSystems.al4().coordinateScaleNm());
    }

    @Test
    void batchedEvaluationOnSeveralThreadsIsBitIdenticalAndCounted() {
        try (PeptideTarget target = PeptideSystems.al3()) {
            double[] base = conformation("al3_amber14_obc1_pita", "md1200_0").positions();
            int batch = 37, dim = target.dimension();
            double[] x = new double[batch * dim];
            Random rng = new Random(3);
            for (int s = 0; s < batch; s++) for (int k = 0; k < dim; k++) x[s * dim + k] = base[k] + 0.01 * rng.nextGaussian();

            double[] e1 = new double[batch], g1 = new double[batch * dim];
            target.threads(1).energies(x, batch, e1, g1);
            assertEquals(batch, target.energyEvaluations());
            for (int threads : new int[] {2, 3}) {
                double[] e = new double[batch], g = new double[batch * dim];
                target.threads(threads).energies(x, batch, e, g);
                assertArrayEquals(e1, e);
                assertArrayEquals(g1, g);
            }
            double[] eOnly = target.energies(x, batch, new double[batch], null);
            assertArrayEquals(e1, eOnly);
            assertEquals(4L * batch, target.energyEvaluations());

            // each sample equals a lone evaluation of that configuration
            double[] one = new double[dim], gOne = new double[dim];
            System.arraycopy(x, 5 * dim, one, 0, dim);
            assertEquals(e1[5], target.forceField().newEvaluator().energy(one, 0, gOne, 0));
            for (int k = 0; k < dim; k++) assertEquals(g1[5 * dim + k], gOne[k]);
        }
    }

    @Test
    void normalizationRoundTripAndGradientMap() {
        try (PeptideTarget target = PeptideSystems.aldp()) {
            PeptideNormalization norm = target.normalization();
            double c = target.coordinateScaleNm();
            int dim = target.dimension(), batch = 3;
            double[] x = new double[batch * dim];
            for (int s = 0; s < batch; s++) {
                double[] conf = conformation("aldp_amber14_obc1_pita", "md300_" + s).positions();
                System.arraycopy(conf, 0, x, s * dim, dim);
            }
            double[] model = new double[x.length];
            norm.toModel(x, model, batch);
            for (int s = 0; s < batch; s++) {
                for (int r = 0; r < 3; r++) {
                    double mean = 0;
                    for (int a = r; a < dim; a += 3) mean += model[s * dim + a];
                    assertEquals(0, mean, 1e-12);
                }
            }
            double[] back = new double[x.length];
            norm.toPhysical(model, back, batch);
            double[] energyX = target.energies(x, batch, new double[batch], null);
            double[] gradBack = new double[x.length];
            double[] energyBack = target.energies(back, batch, new double[batch], gradBack);
            for (int s = 0; s < batch; s++) {
                // toPhysical returns the centred configuration: same energy as the original, up to rounding (≤ 2.1e-15)
                assertEquals(energyX[s], energyBack[s], 1e-13 * Math.abs(energyX[s]));
                for (int a = 0; a < dim; a++) {
                    double centred = model[s * dim + a] * c;
                    assertEquals(centred, back[s * dim + a], 1e-15);
                }
            }
            // ∇_x̃ E(c·x̃) against a central difference in model coordinates; with h = 1e-6 the difference is limited by
            // the rounding of E, ~ε·|E|/h, and agrees to 4.1e-8 (relative above 1)
            double[] gradModel = new double[x.length];
            norm.gradientToModel(gradBack, gradModel, batch);
            double h = 1e-6;
            double[] probe = model.clone(), phys = new double[dim];
            for (int k = 0; k < dim; k += 7) {
                probe[k] = model[k] + h;
                norm.toPhysical(probe, phys, 1);
                double plus = target.energy(phys);
                probe[k] = model[k] - h;
                norm.toPhysical(probe, phys, 1);
                double minus = target.energy(phys);
                probe[k] = model[k];
                assertEquals((plus - minus) / (2 * h), gradModel[k], 1e-6 * Math.max(1, Math.abs(gradModel[k])));
            }
            norm.toModel(x, x, batch); // in place
            assertArrayEquals(model, x);
            assertThrows(IllegalArgumentException.class, () -> norm.toModel(new double[dim - 1], new double[dim], 1));
        }
    }

    @Test
    void userPrmtopAndCutoffParsing() {
        try (PeptideTarget t = PeptideSystems.fromPrmtop(ReferenceFixtures.sharedData().resolve("pita-amber14-obc1/AAA_amber14_obc1.prmtop"),
                "my-al3", ForceFieldOptions.pita())) {
            assertEquals(33, t.layout().particles());
            assertEquals(1.0, t.coordinateScaleNm());
        }
        assertEquals(new NonbondedCutoff(1.5), NonbondedCutoff.parse("1.5"));
        assertEquals(NonbondedCutoff.PITA, NonbondedCutoff.parse("pita"));
        assertThrows(IllegalArgumentException.class, () -> NonbondedCutoff.parse("far"));
        assertThrows(IllegalArgumentException.class, () -> new NonbondedCutoff(-1));
        assertThrows(IllegalStateException.class, () -> new AmberForceField(PeptideSystems.bundledPrmtop("alanine-dipeptide.prmtop"),
                new ForceFieldOptions(NonbondedCutoff.NONE, ImplicitSolvent.VACUUM)).bornRadii(new double[66]));
    }
}
