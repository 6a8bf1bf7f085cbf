package io.pitaj.models.forcefield;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * forcefield.md §3.7: when every pair is closer than 2 nm, the PITA cutoff only shifts the energy by a constant,
 * −Σ_{non-excluded} k·q_iq_j/r_c + Σ_{all pairs} κ_GB·q_iq_j/r_c, and leaves the forces unchanged.
 *
 * <p>The constants are that sum evaluated from the prmtop charges by shared/data/generators/ref_energy.py (exact
 * summation), rounded to 12 decimals; the energy differences match them to 2.5e-12 kJ/mol. r_c enters the energy only
 * as the additive −1/r_c terms and never the gradient code, so the forces must agree bit for bit.
 */
class CutoffOffsetTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({"aldp_amber14_obc1_pita, -19.248388752987", "al3_amber14_obc1_pita, 75.087109680235",
        "al4_amber14_obc1_pita, 91.033426069820"})
    void cutoffShiftsEnergyByAConstant(String system, double offset) {
        ReferenceFixtures.Fixture fixture = ReferenceFixtures.named(system);
        PrmtopFile prmtop = PrmtopFile.read(fixture.prmtop());
        AmberForceField pita = new AmberForceField(prmtop, ForceFieldOptions.pita());
        AmberForceField none = new AmberForceField(prmtop, ForceFieldOptions.implicitNoCutoff());
        int checked = 0;
        for (ReferenceFixtures.Conformation c : fixture.conformations()) {
            if (c.node().get("max_pair_distance_nm").asDouble() >= 2.0) continue;
            double[] x = c.positions();
            double[] gPita = new double[x.length], gNone = new double[x.length];
            double ePita = pita.newEvaluator().energy(x, 0, gPita, 0);
            double eNone = none.newEvaluator().energy(x, 0, gNone, 0);
            assertEquals(offset, ePita - eNone, 1e-10, c.id());
            assertArrayEquals(gNone, gPita, c.id());
            checked++;
        }
        assertTrue(checked >= 9, "conformations inside the cutoff: " + checked);
    }
}
